"""Entry point of the PyInstaller bundle (installer/ipdesk.spec): the same as the
``ipdesk`` script that pip installs."""

import sys

from ipdesk.app import main

if __name__ == "__main__":
    sys.exit(main())
