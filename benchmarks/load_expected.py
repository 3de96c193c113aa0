"""What the load test's users do and must see: the words, the places, the expected views."""

from __future__ import annotations

from dataclasses import dataclass

from soderort.facts import count_by_place
from soderort.filters import FilterState, filter_initiatives
from soderort.i18n import t
from soderort.loading import PlanData

# Words a user might search for, and the empty search that shows everything again.
SEARCH_WORDS = ("hogdalen", "kluster", "telefonplan", "arbetsplatser", "turism", "")
# Places whose labels stand clear of the others at the default zoom (clicked at their centre).
CLICK_PLACES = ("hogdalen", "farsta", "skrubba", "telefonplan", "sodertorn")


@dataclass(frozen=True)
class Expected:
    """What the page must show after a search: the sidebar's count and each label's number."""

    count_text: str
    labels: dict[str, int]


def expectations(data: PlanData) -> dict[str, Expected]:
    """Compute the expected view for every search word with the app's own filters."""
    total = len(data.initiatives)
    found = {}
    for word in SEARCH_WORDS:
        shown = filter_initiatives(data, FilterState(text=word))
        counts = count_by_place(data, shown)
        found[word] = Expected(
            t("count.initiatives", "sv", shown=len(shown), total=total),
            {place: counts.get(place, 0) for place in data.places.index},
        )
    return found
