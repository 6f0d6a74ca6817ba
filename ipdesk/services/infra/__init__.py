"""Storage and integrity: the audit trail, backups and their signature, the content store, file
import and checks, bulk writes, reading users' CSV files."""
