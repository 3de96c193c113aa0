"""The pages' own texts.

Map page, initiative cards, presentation, print and export, table, timeline and place pages;
Markdown (see `soderort.i18n`).
"""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    # ------------------------------------------------------------------------------ map page
    "map.title": {"sv": "Söderort 2030 på kartan", "en": "Söderort 2030 on the map"},
    # The dashboard page's meta description (soderort.web.dashboard_head), for search and links.
    "map.description": {
        "sv": "Initiativen i Stockholms stads handlingsplan Program/Vision Söderort 2030 "
        "(arbetsutkast 2010) på kartan, och vad som har blivit av dem enligt offentliga källor.",
        "en": "The initiatives of the City of Stockholm's action plan Program/Vision Söderort 2030 "
        "(working draft, 2010) on the map, and what has become of them from public sources.",
    },
    "map.caption": {
        "sv": "Klicka på ett område för att läsa vad handlingsplanen vill där.",
        "en": "Click a place to read what the action plan wants there.",
    },
    "map.assets_missing": {
        "sv": "Kartans filer saknas eller är ändrade ({files}). Kör `{command}` i projektets "
        "mapp och ladda om.",
        "en": "The map's files are missing or changed ({files}). Run `{command}` in the project "
        "and reload.",
    },
    "map.colour_by": {"sv": "Färga områdena efter", "en": "Colour the places by"},
    "map.colour.count": {"sv": "Antal initiativ", "en": "Number of initiatives"},
    "map.text_alternative": {
        "sv": "Samma innehåll som kartan, som text: initiativen per område.",
        "en": "The map's content as text: the initiatives by place.",
    },
    "map.list_capped": {
        "sv": "Listan visar {shown} av {total} kort. Välj ett område på kartan, smalna av med "
        "filtren eller se tabellen för resten.",
        "en": "The list shows {shown} of {total} cards. Choose a place on the map, narrow down "
        "with the filters or see the table for the rest.",
    },
    "map.list_hidden": {
        "sv": "Fler områden med matchande initiativ: {places}",
        "en": "More places with matching initiatives: {places}",
    },
    "map.group_cut": {
        "sv": "{shown} av {total} initiativ i området visas här.",
        "en": "{shown} of {total} initiatives in this place are shown here.",
    },
    "map.selected": {"sv": "Valt område: **{place}**", "en": "Selected place: **{place}**"},
    "map.show_all": {"sv": "Visa alla områden", "en": "Show all places"},
    "map.selected_none": {
        "sv": "Inga initiativ i det valda området matchar filtren.",
        "en": "No initiative in the selected place matches the filters.",
    },
    "map.tiles_invalid": {
        "sv": "Bakgrundskartan är felaktigt inställd och visas inte ({problem}).",
        "en": "The base map is set up wrongly and is not shown ({problem}).",
    },
    # ---------------------------------------------------------------------- initiative cards
    "card.no_time": {"sv": "ingen tid angiven", "en": "no time stated"},
    "card.full_text": {"sv": "Hela texten", "en": "Full text"},
    "card.source": {
        "sv": "Källa: handlingsplanen s. {page}, rad {row}",
        "en": "Source: the action plan p. {page}, row {row}",
    },
    "card.more": {
        "sv": "Visar {shown} av {total}. Smalna av med filtren eller se tabellen.",
        "en": "Showing {shown} of {total}. Narrow down with the filters or see the table.",
    },
    # ---------------------------------------------------- presentation mode, print and export
    "page.export": {"sv": "Skriv ut och exportera", "en": "Print and export"},
    "presentation.previous": {"sv": "Föregående", "en": "Previous"},
    "presentation.next": {"sv": "Nästa", "en": "Next"},
    "presentation.previous.help": {
        "sv": "Föregående bild (← eller PageUp)",
        "en": "Previous slide (← or PageUp)",
    },
    "presentation.next.help": {
        "sv": "Nästa bild (→ eller PageDown)",
        "en": "Next slide (→ or PageDown)",
    },
    "presentation.exit": {"sv": "Avsluta presentation", "en": "End presentation"},
    "presentation.counter": {"sv": "Bild {n} av {total}", "en": "Slide {n} of {total}"},
    "presentation.keys": {
        "sv": "Bläddra med piltangenterna (← →) eller PageUp och PageDown; F för helskärm.",
        "en": "Step with the arrow keys (← →) or PageUp and PageDown; F for full screen.",
    },
    "presentation.fullscreen.help": {
        "sv": "Visa hela presentationen i helskärm (F). Esc avslutar helskärmen.",
        "en": "Show the whole presentation in full screen (F). Esc leaves full screen.",
    },
    "presentation.bad_slide.not_a_number": {
        "sv": "Adressens bildnummer ”{value}” är inget nummer. Här är titelbilden.",
        "en": "The slide number “{value}” in the address is not a number. Here is the title slide.",
    },
    "presentation.bad_slide.out_of_range": {
        "sv": "Bild {value} finns inte med de här filtren (det finns {total}). Här är titelbilden.",
        "en": (
            "There is no slide {value} with these filters (there are {total}). "
            "Here is the title slide."
        ),
    },
    "presentation.bad_slide.repeated": {
        "sv": "Adressen anger bildnummer mer än en gång; det första används.",
        "en": "The address gives the slide number more than once; the first is used.",
    },
    "presentation.title.document": {
        "sv": "{publisher} · {date} · {status}",
        "en": "{publisher} · {date} · {status} (working draft)",
    },
    "presentation.title.matching": {
        "sv": "{shown} av {total} initiativ matchar filtren",
        "en": "{shown} of {total} initiatives match the filters",
    },
    "presentation.title.all": {
        "sv": "Alla {total} initiativ",
        "en": "All {total} initiatives",
    },
    "presentation.part": {"sv": "del {part} av {parts}", "en": "part {part} of {parts}"},
    "presentation.then_now": {"sv": "Då och nu", "en": "Then and now"},
    "presentation.then_now.help": {
        "sv": "Visa planens text bredvid den senaste källbelagda uppföljningen.",
        "en": "Show the plan's text beside the latest sourced follow-up.",
    },
    "presentation.then": {"sv": "Då: planen 2010", "en": "Then: the plan, 2010"},
    "presentation.now": {"sv": "Nu", "en": "Now"},
    "presentation.overview.heading": {
        "sv": "Hela Söderort – översikt",
        "en": "All of Söderort – overview",
    },
    "presentation.overview.total": {
        "sv": (
            "{shown} av {total} initiativ matchar filtren. Ett initiativ kan gälla flera områden."
        ),
        "en": (
            "{shown} of {total} initiatives match the filters. An initiative can concern "
            "several places."
        ),
    },
    "presentation.whole": {"sv": "hela Söderort", "en": "all of Söderort"},
    "presentation.map_caption": {
        "sv": "Kartan visar {place}.",
        "en": "The map shows {place}.",
    },
    "export.intro": {
        "sv": "Filerna innehåller det som visas just nu: {count}.",
        "en": "The files hold what is shown right now: {count}.",
    },
    "export.no_filters": {
        "sv": "Inga filter: alla initiativ.",
        "en": "No filters: every initiative.",
    },
    "export.report.heading": {"sv": "Rapport (PDF)", "en": "Report (PDF)"},
    "export.report.text": {
        "sv": (
            "Ett försättsblad med kartan, källan och filtren, sedan de matchande initiativen "
            "område för område. A4, för utskrift."
        ),
        "en": (
            "A cover with the map, the source and the filters, then the matching initiatives "
            "place by place. A4, for printing."
        ),
    },
    "export.report.button": {"sv": "Ladda ned rapporten (PDF)", "en": "Download the report (PDF)"},
    "export.place.heading": {"sv": "Ett blad per område (PDF)", "en": "One sheet per place (PDF)"},
    "export.place.text": {
        "sv": "Ett A4-blad med områdets karta och dess matchande initiativ.",
        "en": "An A4 sheet with the place's map and its matching initiatives.",
    },
    "export.place.option": {"sv": "{place} ({count} initiativ)", "en": "{place} ({count})"},
    "export.place.button": {
        "sv": "Ladda ned bladet för {place} (PDF)",
        "en": "Download the sheet for {place} (PDF)",
    },
    "export.handout.heading": {
        "sv": "Översikt på ett blad (PDF)",
        "en": "Overview on one page (PDF)",
    },
    "export.handout.text": {
        "sv": "Ett enda blad för mötesbordet: kartan, antalet initiativ per område, filtren och "
        "datumen. I A4 eller A3.",
        "en": "A single page for the meeting table: the map, the number of initiatives per place, "
        "the filters and the dates. In A4 or A3.",
    },
    "export.handout.button_a4": {"sv": "Ladda ned översikten i A4", "en": "Download it in A4"},
    "export.handout.button_a3": {"sv": "Ladda ned översikten i A3", "en": "Download it in A3"},
    "export.html.heading": {"sv": "Kartan som HTML-fil", "en": "The map as an HTML file"},
    "export.html.text": {
        "sv": (
            "En fil som öppnas i webbläsaren utan server, t.ex. från ett USB-minne. Områdena, "
            "siffrorna och initiativen finns i filen; bakgrundskartan visas bara med internet."
        ),
        "en": (
            "A file that opens in a browser with no server, e.g. from a USB stick. The places, "
            "counts and initiatives are in the file; the background map shows only online."
        ),
    },
    "export.html.button": {"sv": "Ladda ned kartan (HTML)", "en": "Download the map (HTML)"},
    "export.gis.heading": {"sv": "Kartdata för GIS", "en": "Map data for GIS"},
    "export.gis.button": {"sv": "Ladda ned {format}", "en": "Download {format}"},
    "export.gis.text": {
        "sv": "De filtrerade initiativen som kartdata: ett objekt per initiativ och område det "
        "nämner, med områdets geometri (WGS84). GeoJSON och GeoPackage öppnas i QGIS och "
        "ArcGIS, KML i Google Earth.",
        "en": "The filtered initiatives as map data: one feature per initiative and place it "
        "names, with the place's geometry (WGS84). GeoJSON and GeoPackage open in QGIS and "
        "ArcGIS, KML in Google Earth.",
    },
    "export.gis.address": {
        "sv": "Samma urval som öppna data, en adress som alltid ger dagens data (byt "
        "`.geojson` mot `.kml`, `.csv` eller `.json` för andra format; se Om-sidan, "
        '"Öppna data"):',
        "en": "The same selection as open data, an address that always gives today's data "
        "(change `.geojson` to `.kml`, `.csv` or `.json` for other formats; see the About "
        'page, "Open data"):',
    },
    "export.html.title": {
        "sv": "Söderort 2030 på kartan – {count}",
        "en": "Söderort 2030 on the map – {count}",
    },
    "export.html.exported": {"sv": "Exporterad {date}", "en": "Exported {date}"},
    "export.html.links_off": {
        "sv": "Filen har ingen server: områdenas sidor finns i dashboarden.",
        "en": "The file has no server: the places' pages are in the dashboard.",
    },
    "export.preparing": {
        "sv": "Filen skapas när du klickar; det kan ta några sekunder.",
        "en": "The file is made when you click; it can take a few seconds.",
    },
    # ---------------------------------------------------------------------------- table page
    "table.title": {"sv": "Initiativen i tabellform", "en": "The initiatives as a table"},
    "table.caption": {
        "sv": (
            "Tabellen visar de initiativ som matchar filtren i sidomenyn. Klicka på en "
            "kolumnrubrik för att sortera och använd förstoringsglaset ovanför tabellen för att "
            "söka. Dra i en kolumnkant för att göra den bredare."
        ),
        "en": (
            "The table shows the initiatives that match the filters in the sidebar. Click a "
            "column heading to sort, and use the magnifying glass above the table to search. "
            "Drag a column's edge to widen it."
        ),
    },
    "table.alt": {
        "sv": "Tabell med ett initiativ per rad och handlingsplanens kolumner",
        "en": "Table with one initiative per row and the action plan's columns",
    },
    "table.download.heading": {"sv": "Ladda ned", "en": "Download"},
    "table.download.text": {
        "sv": "Filerna innehåller exakt de {count} initiativ som visas, med alla kolumner.",
        "en": "The files hold exactly the {count} initiatives shown, with every column.",
    },
    "table.download.csv": {"sv": "CSV för Excel", "en": "CSV for Excel"},
    "table.download.xlsx": {"sv": "Excel-fil (XLSX)", "en": "Excel file (XLSX)"},
    "table.download.csv.help": {
        "sv": (
            "UTF-8 med BOM och semikolon som avgränsare: svenska Excel använder kommatecken som "
            "decimaltecken och läser därför semikolon som kolumnavgränsare. Filen öppnas direkt "
            "i rätt kolumner, med å, ä och ö."
        ),
        "en": (
            "UTF-8 with a BOM, separated by semicolons: Swedish Excel uses the comma as the "
            "decimal separator and therefore reads the semicolon as the column separator. The "
            "file opens straight into the right columns, with å, ä and ö intact."
        ),
    },
    "table.download.xlsx.help": {
        "sv": "Ett kalkylark med fetstilt, låst rubrikrad och filter på varje kolumn.",
        "en": "A workbook with a bold, frozen header row and a filter on every column.",
    },
    "table.help.rubrik": {
        "sv": "Initiativets rubrik i handlingsplanen",
        "en": "The initiative's heading in the action plan (in Swedish)",
    },
    "table.help.uppdrag": {
        "sv": "Uppdraget som det står i källan",
        "en": "The assignment as the source words it",
    },
    "table.help.uppdragsgivare": {
        "sv": "Vem som gett uppdraget",
        "en": "Who commissioned the work",
    },
    "table.help.forvantat_resultat": {
        "sv": "Vad initiativet ska leda till",
        "en": "What the initiative is to achieve",
    },
    "table.help.tidplan": {
        "sv": "Tidplanen som den står i källan",
        "en": "The timeline as the source words it",
    },
    "table.help.ansvarig_namnd": {
        "sv": "Ansvarig nämnd som den står i källan",
        "en": "The responsible committee as the source words it",
    },
    "table.column.truncated": {"sv": "Avklippt", "en": "Cut off in source"},
    "table.column.follow_up_date": {"sv": "Uppföljningens datum", "en": "Follow-up date"},
    "table.column.follow_up_source": {"sv": "Uppföljningens källa", "en": "Follow-up source"},
    "table.column.follow_up_history": {
        "sv": "Vad källorna säger",
        "en": "What the sources say",
    },
    "table.help.places": {
        "sv": "Områdena som initiativet gäller",
        "en": "The places the initiative concerns",
    },
    "table.help.committees": {
        "sv": "Nämnder och bolag med sin roll: ansvarig eller i samverkan",
        "en": "Committees and companies with their role: lead or in collaboration",
    },
    "table.help.themes": {"sv": "Initiativets teman", "en": "The initiative's themes"},
    "table.help.status": {
        "sv": "Läget när planen skrevs (april 2010)",
        "en": "Where the work stood when the plan was written (April 2010)",
    },
    "table.help.start": {
        "sv": (
            "Startår enligt tidplanen. En start som tidplanen anger som en period (”början av "
            "2000-talet”) står som perioden, 2000–2009; se Tidplan."
        ),
        "en": (
            "Start year from the timeline. A start the timeline gives as a period (“the early "
            "2000s”) is shown as the period, 2000–2009; see Timeline."
        ),
    },
    "table.help.target": {"sv": "Målår enligt tidplanen", "en": "Target year from the timeline"},
    "table.help.truncated": {
        "sv": "Kolumner vars text är avklippt i källan (markerade med …)",
        "en": "Columns whose text is cut off in the source (marked with …)",
    },
    "table.help.source": {
        "sv": "Sida och rad i handlingsplanen",
        "en": "Page and row in the action plan",
    },
    "table.help.follow_up_status": {
        "sv": "Enligt den senaste källbelagda uppföljningen, inte planen",
        "en": "From the latest sourced follow-up, not the plan",
    },
    "table.help.follow_up_date": {
        "sv": (
            "När det uppföljningen beskriver hände eller gällde; tomt när källan inte daterar det"
        ),
        "en": (
            "When what the follow-up describes happened or held; empty when the source gives "
            "no date"
        ),
    },
    "table.help.follow_up_source": {
        "sv": "Källan som säger utfallet: titel, utgivare, datum, dagen den lästes och adress",
        "en": "The source that states the outcome: title, publisher, date, day read and address",
    },
    "table.help.follow_up_history": {
        "sv": "Alla uppföljningens uppgifter, äldst först, var och en med sin källa",
        "en": "Every follow-up entry, oldest first, each with its source",
    },
    "table.outcome.heading": {"sv": "Plan och utfall", "en": "Plan and outcome"},
    "table.outcome.caption": {
        "sv": (
            "Vad planen 2010 väntade sig och när, bredvid vad källorna säger att det blev, "
            "initiativ för initiativ, med samma filter som tabellen ovan."
        ),
        "en": (
            "What the 2010 plan expected and when, beside what the sources say became of it, "
            "initiative by initiative, with the same filters as the table above."
        ),
    },
    "table.outcome.alt": {
        "sv": "Planens förväntade resultat och tidplan bredvid uppföljningen, per initiativ",
        "en": "The plan's expected result and timeline beside the follow-up, per initiative",
    },
    # ------------------------------------------------------------------------- timeline page
    "timeline.title": {"sv": "Initiativen över tid", "en": "The initiatives over time"},
    "timeline.caption": {
        "sv": (
            "En rad per initiativ med angiven tid, i handlingsplanens ordning. Filtren i "
            "sidomenyn gäller. Håll muspekaren över (eller tryck på) en markering för att läsa "
            "tidplanen. På en smal skärm rullar diagrammet i sidled."
        ),
        "en": (
            "One row per initiative with a stated time, in the action plan's order. The filters "
            "in the sidebar apply. Hover over (or tap) a mark to read the timeline. On a narrow "
            "screen the chart scrolls sideways."
        ),
    },
    "timeline.scroll_region": {
        "sv": "Tidslinjens diagram, rulla i sidled med piltangenterna",
        "en": "The timeline chart, scroll sideways with the arrow keys",
    },
    "timeline.colour_by": {"sv": "Färga efter", "en": "Colour by"},
    "timeline.undated_follow_up": {
        "sv": "Uppföljning som källan inte daterar (ingen markering i diagrammet):",
        "en": "Follow-up its source does not date (no mark in the chart):",
    },
    "timeline.unknown.heading": {
        "sv": "Initiativ utan angiven tid ({count})",
        "en": "Initiatives without a stated time ({count})",
    },
    "timeline.unknown.text": {
        "sv": "Tidplanen nämner inget år för dessa, så de finns inte i diagrammet:",
        "en": "Their timeline names no year, so they are not in the chart:",
    },
    "timeline.unknown.none": {
        "sv": "Alla initiativ som visas har en angiven tid.",
        "en": "Every initiative shown has a stated time.",
    },
    "timeline.unknown.tidplan": {"sv": "Tidplan: {text}", "en": "Timeline: {text}"},
    # ---------------------------------------------------------------------------- place page
    "place.picker.placeholder": {"sv": "Välj ett område", "en": "Choose a place"},
    "place.choose": {
        "sv": (
            "Välj ett område i listan för att se dess initiativ, ansvariga nämnder, tidslinje "
            "och hur området är ritat på kartan."
        ),
        "en": (
            "Choose a place in the list to see its initiatives, the committees responsible, "
            "its timeline and how the place is drawn on the map."
        ),
    },
    "place.count": {
        "sv": "{shown} av områdets {total} matchar filtren.",
        "en": "{shown} of the place's {total} match the filters.",
    },
    "place.count.one": {
        "sv": "{shown} av områdets {total} matchar filtren.",
        "en": "{shown} of the place's {total} matches the filters.",
    },
    "place.hela_soderort": {
        "sv": (
            "Här står de initiativ som gäller hela Söderort. Initiativ för ett enskilt område "
            "finns på det områdets sida."
        ),
        "en": (
            "These are the initiatives for all of Söderort. Initiatives for a single place are "
            "on that place's page."
        ),
    },
    "place.map.caption": {
        "sv": "Kartan visar området med siffran för matchande initiativ.",
        "en": "The map shows the place with its number of matching initiatives.",
    },
    "place.initiatives.heading": {"sv": "Initiativ ({count})", "en": "Initiatives ({count})"},
    "place.initiatives.none": {
        "sv": "Inga av områdets initiativ matchar filtren. Ändra filtren i sidomenyn.",
        "en": "None of the place's initiatives match the filters. Change the filters.",
    },
    "place.committees.heading": {
        "sv": "Ansvariga nämnder och deras roller",
        "en": "Committees involved and their roles",
    },
    "place.committees.name": {"sv": "Nämnd eller bolag", "en": "Committee or company"},
    "place.committees.kind": {"sv": "Typ", "en": "Kind"},
    "place.committees.role": {"sv": "Roll", "en": "Role"},
    "place.timeline.none": {
        "sv": "Inget av områdets initiativ som visas har en angiven tid.",
        "en": "None of the place's initiatives shown has a stated time.",
    },
    "place.timeline.scroll_region": {
        "sv": "Områdets tidslinje, rulla i sidled med piltangenterna",
        "en": "The place's timeline, scroll sideways with the arrow keys",
    },
    "place.timeline.unknown": {
        "sv": "Utan angiven tid (finns inte i diagrammet): {items}",
        "en": "Without a stated time (not in the chart): {items}",
    },
    "place.geometry.heading": {"sv": "Så är området ritat", "en": "How the place is drawn"},
    "place.geometry.method": {"sv": "Metod", "en": "Method"},
    "place.geometry.source": {"sv": "Underlag", "en": "Based on"},
    "place.geometry.licence": {"sv": "Licens", "en": "Licence"},
    "place.geometry.boundary": {"sv": "Avgränsning", "en": "Boundary"},
    "place.geometry.approximate": {"sv": "Ungefärlig", "en": "Approximate"},
    "place.geometry.exact": {"sv": "Som i underlaget", "en": "As in the source data"},
    "place.geometry.radius": {"sv": "Radie", "en": "Radius"},
    "place.geometry.language": {
        "sv": "Beskrivningen kommer från geodatafilen och står som där.",
        "en": "The description comes from the geodata file and is given as written there.",
    },
    "place.pdf": {"sv": "Områdesblad (PDF)", "en": "Place sheet (PDF)"},
    "place.pdf.help": {
        "sv": "En A4-sida med karta, hur området är ritat och områdets initiativ enligt filtren.",
        "en": "One A4 page with the map, how the place is drawn and its initiatives as filtered.",
    },
    # ------------------------------------------- the light map's link and embed (ui/embedding)
    "share.caption": {
        "sv": "Länk att dela: samma vy som en lätt karta som öppnas snabbt i en telefon, "
        "med en länk hit till hela kartan.",
        "en": "Link to share: the same view as a light map that opens quickly on a phone, "
        "with a link back here to the full map.",
    },
    "embed.heading": {"sv": "Bädda in kartan", "en": "Embed the map"},
    "embed.text": {
        "sv": "Klistra in koden i en webbsida för att visa kartan över det som visas just nu. "
        "Med {parameter} visas kartan utan sidans ram. Vilka webbplatser som får visa den "
        "bestäms i serverns inställningar (README, ”Bädda in kartan”).",
        "en": "Paste the code into a web page to show the map of what is shown right now. "
        "With {parameter} the map comes without the page's frame. Which sites may show it is "
        "set on the server (README, “Embedding the map”).",
    },
    "embed.preview": {"sv": "Så här ser den inbäddade kartan ut:", "en": "The embedded map:"},
    "embed.frame_title": {
        "sv": "Söderort 2030 på kartan: {count}",
        "en": "Söderort 2030 on the map: {count}",
    },
}
