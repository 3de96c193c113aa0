"""The one rule for a source's web address: what a reader sees is what a click opens.

A follow-up's link is shown as its title and opened from the status bar's address, on the map,
in cards, in the HTML file and in the PDFs. An address is accepted only when it cannot run code,
log in anywhere, or read differently from where it leads:

- `http://` or `https://` with a host name, nothing else (no `javascript:`, no `file:`);
- only the printable ASCII characters an address is written with (RFC 3986): no space, control
  or format character (a right-to-left override turns the address around on screen), no
  backslash (browsers read it as `/`), no quotes or angle brackets; letters outside ASCII are
  written percent-encoded, as a browser copies them;
- no user name or password before the host (`https://stockholm.se@example.org/` opens
  example.org);
- a host of DNS names, not a bare number (`http://3232235777/` is an address in disguise); an
  internationalised name (`xn--…`) only when it decodes to Latin letters of Western European
  languages (å, ä, ö, é, ü …), so that no Cyrillic or Greek letter can pose as a Latin one;
- no percent-encoded surprise: every `%` starts a valid escape, the host has none, the path
  holds no encoded slash, backslash or dot (`%2F`, `%5C`, `%2E` would make a path read as
  another), and nothing encoded decodes to a control or format character (`%E2%80%AE`, a
  right-to-left override). Encoded letters, in UTF-8 or in an old site's Latin-1, are kept.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import unquote_to_bytes, urlsplit

# RFC 3986's unreserved and reserved characters and "%", without the apostrophe (it would end
# an attribute quoted with it): the characters an address is written with.
_ADDRESS_CHARACTERS = re.compile(r"^[A-Za-z0-9\-._~:/?#\[\]@!$&()*+,;=%]+$")
_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")
_DNS_LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")
# Encoded bytes that make a path read as another path, or hide a control character.
_ENCODED_IN_PATH = re.compile(r"%(?:[01][0-9A-Fa-f]|7[Ff]|2[EeFf]|5[Cc])")
# Letters an internationalised host name may hold beside a–z: the Latin-1 lowercase letters.
_IDN_LETTERS = frozenset("àáâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿ")


def address_problem(value: str) -> str | None:
    """Return why an address is refused, in Swedish, or None when it is accepted."""
    unusual = next(
        (c for c in value if not c.isascii() or not c.isprintable() or c.isspace()), None
    )
    if unusual is not None:
        name = unicodedata.name(unusual, "styrtecken")
        return (
            f"innehåller tecknet U+{ord(unusual):04X} ({name}) vid tecken "
            f"{value.index(unusual) + 1}; skriv bokstäver utanför ASCII procentkodade och ta "
            "bort mellanslag och osynliga tecken"
        )
    if not value.lower().startswith(("http://", "https://")):
        return "ska vara en webbadress som börjar med https:// (eller http://)"
    if not _ADDRESS_CHARACTERS.match(value):
        bad = next(c for c in value if not _ADDRESS_CHARACTERS.match(c))
        return f"innehåller tecknet {bad!r}, som inte hör hemma i en webbadress"
    if _PERCENT.search(value):
        return "har ett %-tecken som inte följs av två hexadecimala siffror"
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 - urlsplit checks the port only when it is read
    except ValueError as err:
        return f"går inte att läsa som webbadress ({err})"
    if "@" in parts.netloc:
        return "har ett användarnamn före värden (@): adressen skulle leda någon annanstans"
    host = parts.hostname or ""
    problem = _host_problem(host)
    if problem:
        return problem
    if _ENCODED_IN_PATH.search(parts.path):
        return (
            "har ett procentkodat styrtecken, snedstreck, omvänt snedstreck eller punkt i sökvägen"
        )
    decoded = unquote_to_bytes(value).decode("utf-8", errors="replace")
    hidden = next((c for c in decoded if unicodedata.category(c) in ("Cc", "Cf")), None)
    if hidden is not None:
        return (
            f"har ett procentkodat osynligt tecken (U+{ord(hidden):04X}, "
            f"{unicodedata.name(hidden, 'styrtecken')}) som ändrar hur adressen läses"
        )
    return None


def _host_problem(host: str) -> str | None:
    if not host:
        return "saknar värdnamn"
    if "%" in host:
        return "har procentkodning i värdnamnet"
    labels = host.rstrip(".").split(".")
    if len(labels) < 2 or not all(_DNS_LABEL.match(label) for label in labels):
        return f"värdnamnet {host!r} är inget domännamn (som stockholm.se)"
    if labels[-1].isdigit():
        return f"värdnamnet {host!r} är en sifferadress; ange domännamnet"
    for label in labels:
        if label.startswith("xn--"):
            try:
                decoded = label.encode("ascii").decode("idna")
            except UnicodeError:
                return f"värdnamnet {host!r} har en felaktig internationaliserad del ({label})"
            foreign = [c for c in decoded if not (c.isascii() or c in _IDN_LETTERS)]
            if foreign:
                return (
                    f"värdnamnet {host!r} läses som {decoded!r}, med tecknet "
                    f"U+{ord(foreign[0]):04X} som kan likna en annan bokstav"
                )
    return None


def web_address(value: str) -> str:
    """Accept an address that passes `address_problem`, else raise ValueError saying why."""
    problem = address_problem(value)
    if problem:
        raise ValueError(problem)
    return value
