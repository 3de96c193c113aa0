"""Texts that leave Markdown.

Inside the Leaflet map (`map.popup.*`, `map.legend.*`, `map.layer.*`, `map.control.*`: HTML,
escaped with `soderort.inert.html`), the Plotly timeline chart (`timeline.chart.*`:
`soderort.inert.plotly`) and the printed report (`report.*`: ReportLab paragraphs,
`soderort.inert.paragraph`).
"""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    # ------------------------------------------------------------------ the map (inside Leaflet)
    "map.popup.no_match": {
        "sv": "Inga initiativ matchar filtren här.",
        "en": "No initiative here matches the filters.",
    },
    "map.popup.approximate": {"sv": "Ungefärlig avgränsning", "en": "Approximate boundary"},
    "map.popup.open_place": {"sv": "Öppna områdessidan", "en": "Open the place page"},
    "map.popup.more": {
        "sv": "… och {n} till på områdessidan",
        "en": "… and {n} more on the place page",
    },
    "map.legend.count": {"sv": "Antal matchande initiativ", "en": "Matching initiatives"},
    "map.legend.theme": {"sv": "Tema (det vanligaste)", "en": "Theme (the most common)"},
    "map.legend.none": {"sv": "Inga träffar", "en": "No matches"},
    "map.legend.follow_up": {
        "sv": "Status i dag (den vanligaste)",
        "en": "Status today (the most common)",
    },
    "map.legend.corridor": {"sv": "Stråk (schematiskt)", "en": "Corridor (schematic)"},
    "map.layer.places": {"sv": "Områden och initiativ", "en": "Places and initiatives"},
    "map.layer.districts": {
        "sv": "Stadsdelar (dagens indelning)",
        "en": "Districts (today's division)",
    },
    "map.layer.outline": {"sv": "Söderorts gräns", "en": "Söderort boundary"},
    "map.layer.tiles": {"sv": "Bakgrundskarta", "en": "Base map"},
    "map.control.fullscreen_exit": {"sv": "Lämna helskärm", "en": "Exit full screen"},
    "map.control.zoom_in": {"sv": "Zooma in", "en": "Zoom in"},
    "map.control.zoom_out": {"sv": "Zooma ut", "en": "Zoom out"},
    "map.control.layers": {"sv": "Kartlager", "en": "Layers"},
    "map.control.close_popup": {"sv": "Stäng rutan", "en": "Close popup"},
    "map.control.leaflet": {
        "sv": "Leaflet, ett JavaScript-bibliotek för interaktiva kartor",
        "en": "Leaflet, a JavaScript library for interactive maps",
    },
    # ------------------------------------------------------------------ the timeline chart (Plotly)
    "timeline.chart.x_title": {"sv": "År", "en": "Year"},
    "timeline.chart.legend_symbols": {"sv": "Tecken", "en": "Symbols"},
    "timeline.chart.period": {"sv": "Start till målår", "en": "Start to target year"},
    "timeline.chart.start_period": {
        "sv": "Start någon gång under perioden",
        "en": "Started some time in the period",
    },
    "timeline.chart.milestone": {"sv": "Delmål", "en": "Milestone"},
    "timeline.chart.target": {"sv": "Målår", "en": "Target year"},
    "timeline.chart.open_ended": {
        "sv": "Pågår, inget slutår angivet",
        "en": "Ongoing, no end year stated",
    },
    "timeline.chart.today": {"sv": "I dag", "en": "Today"},
    "timeline.chart.plan_date": {"sv": "Planens datum", "en": "Plan dated"},
    "timeline.chart.empty": {
        "sv": "Inga initiativ med angiven tid",
        "en": "No initiatives with a stated time",
    },
    "timeline.chart.no_lead": {"sv": "Ingen ansvarig angiven", "en": "No lead stated"},
    "timeline.chart.hover_years": {"sv": "År", "en": "Years"},
    "timeline.chart.hover_open_ended": {
        "sv": "pågår, inget slutår angivet (ritat till 2030)",
        "en": "ongoing, no end year stated (drawn to 2030)",
    },
    "timeline.chart.not_stated": {"sv": "inte angiven", "en": "not stated"},
    "timeline.chart.status_ongoing": {"sv": "pågår", "en": "ongoing"},
    "timeline.chart.status_started": {"sv": "påbörjat", "en": "started"},
    "timeline.chart.status_planned": {"sv": "planerat", "en": "planned"},
    # ------------------------------------------------------------------ printed report (PDF)
    "report.of": {"sv": "{n} av {total} initiativ", "en": "{n} of {total} initiatives"},
    "report.no_filters": {"sv": "Inga filter", "en": "No filters"},
    "report.printed": {"sv": "Utskrivet {date}", "en": "Printed {date}"},
    "report.empty": {"sv": "–", "en": "–"},
    "report.page": {"sv": "Sida {page} av {pages}", "en": "Page {page} of {pages}"},
    "report.footer_source": {
        "sv": "Källa: {title}, {publisher}, {date} ({status})",
        "en": "Source: {title}, {publisher}, {date} ({status})",
    },
    "report.no_initiatives": {
        "sv": "Inga initiativ matchar filtren.",
        "en": "No initiatives match the filters.",
    },
    "report.place_initiatives": {
        "sv": "Initiativ som nämner platsen ({n})",
        "en": "Initiatives naming the place ({n})",
    },
}
