"""A digest as an email to managers: plain text and HTML alternatives, no attachments.

The full digest (officers, learning) goes only to the addresses the trust sets in its own
secrets, through its own SMTP server: it is internal, like the staff site.
"""

from __future__ import annotations

from email.message import EmailMessage
from email.utils import getaddresses

from ..errors import ConfigError
from ..present.digest import digest_html, digest_text
from .issue import TITLES
from .month import MonthDigest
from .quarter import QuarterDigest
from .week import WeekDigest


def recipients(text: str) -> list[str]:
    """Comma-separated addresses (``DIGEST_TO``); every one must look like an address."""
    found = [address for _, address in getaddresses([text]) if address]
    bad = [a for a in found if "@" not in a or a.startswith("@") or a.endswith("@")]
    if not found or bad:
        raise ConfigError(
            f"DIGEST_TO must list email addresses, separated by commas (got {text!r})"
        )
    return found


def digest_message(
    digest: WeekDigest | MonthDigest | QuarterDigest, sender: str, to: list[str]
) -> EmailMessage:
    message = EmailMessage()
    message["Subject"] = f"{TITLES[digest.period.kind]}: {digest.period.label}"
    message["From"] = sender
    message["To"] = ", ".join(to)
    message.set_content(digest_text(digest))
    message.add_alternative(digest_html(digest), subtype="html")
    return message
