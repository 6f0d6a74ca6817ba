"""Holiday administration: the year calendar dialog and the managers' banner."""

from ipdesk.ui.holidays.banner import HolidayBanner
from ipdesk.ui.holidays.dialog import HolidayDialog

__all__ = ["HolidayBanner", "HolidayDialog"]
