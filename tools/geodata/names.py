"""Swedish district names written the Swedish way, and the ASCII ids made from names."""

from __future__ import annotations

import re
import unicodedata

# Words written in lower case inside Swedish district names ("Enskede gård", "Örby slott").
LOWERCASE_NAME_WORDS = frozenset({"gård", "slott", "strand", "villastad", "kyrka", "industriomr"})


def slugify(text: str) -> str:
    """Turn a Swedish name into an ASCII id.

    Parameters
    ----------
    text : str
        Any name, e.g. ``"Enskede-Årsta-Vantör"`` or ``"SKARPNÄCKS GÅRD"``.

    Returns
    -------
    str
        Lower-case ASCII words joined by hyphens, e.g. ``"enskede-arsta-vantor"``.
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def swedish_name(upper: str) -> str:
    """Write an upper-case district name from the source the way Swedish writes it.

    Each word is capitalised, except generic words such as "gård", "slott" and "strand"
    that Swedish keeps in lower case after the proper name.

    Parameters
    ----------
    upper : str
        The source's name, e.g. ``"ENSKEDE GÅRD"``.

    Returns
    -------
    str
        E.g. ``"Enskede gård"``, ``"Gamla Enskede"``, ``"Hägerstensåsen"``.
    """
    words = []
    for index, word in enumerate(upper.lower().split()):
        keep_lower = index > 0 and word in LOWERCASE_NAME_WORDS
        words.append(word if keep_lower else word[:1].upper() + word[1:])
    return " ".join(words)
