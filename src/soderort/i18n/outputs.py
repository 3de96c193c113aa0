"""Texts that leave Markdown.

Inside the Leaflet map (`map.popup.*`, `map.legend.*`, `map.layer.*`, `map.control.*`: HTML,
escaped with `soderort.inert.html`), the Plotly timeline chart (`timeline.chart.*`:
`soderort.inert.plotly`), the printed PDFs (`report.*`, `handout.*`: HTML made into tagged
PDF, `soderort.inert.printed_html`), the open data under /data/ (`data.*`: plain text, escaped
by each format's writer) and the light map page (`light.*`: HTML, `soderort.inert.html`).
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
    "map.legend.wide": {
        "sv": "Ljusare: ett område som täcker andra, i samma skala",
        "en": "Lighter: an area that covers others, on the same scale",
    },
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
    "report.map_alt": {
        "sv": "Karta över Söderort där varje plats är färgad efter hur många av initiativen som "
        "nämner den: {counts}.",
        "en": "Map of Söderort, each place coloured by how many of the initiatives name it: "
        "{counts}.",
    },
    "report.map_alt_place": {
        "sv": "Karta med {place} i mitten, där varje plats är färgad efter hur många av "
        "initiativen som nämner den: {counts}.",
        "en": "Map centred on {place}, each place coloured by how many of the initiatives name "
        "it: {counts}.",
    },
    "report.map_alt_count": {"sv": "{place} {n}", "en": "{place} {n}"},
    "report.map_alt_none": {"sv": "ingen plats", "en": "no place"},
    # ------------------------------------------------------- the one-page handout (PDF)
    "handout.title": {
        "sv": "Söderort 2030 – översikt på ett blad",
        "en": "Söderort 2030 – overview on one page",
    },
    "handout.counts": {"sv": "Initiativ per område", "en": "Initiatives per place"},
    "handout.count": {"sv": "Antal", "en": "Number"},
    "handout.updated": {
        "sv": "Uppföljningen senast uppdaterad {date}",
        "en": "Follow-ups last updated {date}",
    },
    # ---------------------------------------------------------------- the open data (/data/)
    "data.licence": {
        "sv": "Handlingsplanen är en allmän handling från Stockholms stad; dess text återges som "
        "källan har den. Varje plats geometri har sin egen licens (fältet geometry_licence och "
        "geodata/SOURCES.md). Varje uppföljning anger sin källa.",
        "en": "The action plan is a public document of the City of Stockholm; its text is given "
        "as the source has it. Each place's geometry has its own licence (the field "
        "geometry_licence and geodata/SOURCES.md). Each follow-up names its source.",
    },
    "data.source": {
        "sv": "{title}, {publisher}, {date}",
        "en": "{title}, {publisher}, {date}",
    },
    "data.bad_query": {
        "sv": "Adressen kunde inte användas: {items}. Rätta eller ta bort parametern.",
        "en": "The address could not be used: {items}. Correct or remove the parameter.",
    },
    "data.reason.query_too_long": {
        "sv": "frågan är längre än {limit} tecken",
        "en": "the query is longer than {limit} characters",
    },
    "data.reason.query_too_many": {
        "sv": "frågan har fler än {limit} parametrar",
        "en": "the query has more than {limit} parameters",
    },
    "data.unavailable": {
        "sv": "Datan kan inte läsas just nu: en datafil är trasig eller håller på att ändras.",
        "en": "The data cannot be read just now: a data file is broken or being changed.",
    },
    "data.feed.title": {
        "sv": "Söderort 2030 – uppföljning av initiativen",
        "en": "Söderort 2030 – follow-up of the initiatives",
    },
    "data.feed.initiative": {"sv": "Initiativet", "en": "The initiative"},
    # ------------------------------------------------------- the light map page (/karta.html)
    "light.description": {
        "sv": "Handlingsplanen för Söderort 2030 på kartan: {count}.",
        "en": "The Söderort 2030 action plan on the map: {count}.",
    },
    "light.open_full": {"sv": "Öppna i hela kartan", "en": "Open in the full map"},
    "light.recorded": {
        "sv": "Uppföljningen är registrerad till och med {date}.",
        "en": "Follow-up recorded up to {date}.",
    },
    "light.image_alt": {
        "sv": "Söderorts områden på kartan, färgade efter antalet initiativ, med namn och antal",
        "en": "Söderort's places on the map, coloured by their number of initiatives, "
        "with names and counts",
    },
    "light.bad_address": {
        "sv": "Adressen innehåller något som kartan inte kan använda",
        "en": "The address holds something the map cannot use",
    },
}
