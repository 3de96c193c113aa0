"""A clicked PDF download says that the file is being made, and when it is ready.

The click starts the build on the download's own thread (not run by AppTest) and reruns the
page; that run waits for the same file and shows a status meanwhile. AppTest sees the status as
it ends: labelled ready, with the file in the cache the download reads.
"""

from __future__ import annotations

import pytest

from soderort.viewstate import SS_EXPORT_PLACE_PDF, SS_EXPORT_REPORT, SS_PLACE_PDF
from tests.app.conftest import open_app, run

READY = {
    "sv": "PDF:en är klar och laddas ner av webbläsaren.",
    "en": "The PDF is ready; your browser downloads it.",
}


def status_labels(at) -> list[str]:
    return [status.label for status in at.status]


@pytest.mark.parametrize("language", ["sv", "en"])
@pytest.mark.parametrize(
    ("page", "query", "button"),
    [
        ("pages/export.py", {}, SS_EXPORT_REPORT),
        ("pages/export.py", {}, SS_EXPORT_PLACE_PDF),
        ("pages/place.py", {"place": "hogdalen"}, SS_PLACE_PDF),
    ],
)
def test_a_clicked_pdf_says_it_is_ready(st_folium, page, query, button, language) -> None:
    at = open_app(page, {**query, "lang": language})
    assert status_labels(at) == []
    download = next(b for b in at.get("download_button") if b.key == button)
    download.click()
    run(at)
    assert status_labels(at) == [READY[language]]
    # The next run, not caused by the click, shows no status.
    run(at)
    assert status_labels(at) == []
