"""Texts shared across the app.

Words several views use, page titles, statuses, roles, the source's columns, the sidebar,
counts, notices about the URL and the data, the filters in words; Markdown (see
`soderort.i18n`).
"""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    # ----------------------------------- words several views share (one key for each)
    "common.source": {"sv": "Källa", "en": "Source"},
    "common.committee": {"sv": "Nämnd", "en": "Committee"},
    "common.filters": {"sv": "Filter", "en": "Filters"},
    "common.status": {"sv": "Status i planen (2010)", "en": "Status in the plan (2010)"},
    "common.status_today": {"sv": "Status i dag", "en": "Status today"},
    "common.place": {"sv": "Område", "en": "Place"},
    "common.theme": {"sv": "Tema", "en": "Theme"},
    "common.themes": {"sv": "Teman", "en": "Themes"},
    "common.committees": {"sv": "Nämnder", "en": "Committees"},
    "common.responsible": {"sv": "Ansvariga", "en": "Responsible"},
    "common.initiatives": {"sv": "Initiativ", "en": "Initiatives"},
    "common.start": {"sv": "Start", "en": "Start"},
    "common.target": {"sv": "Mål", "en": "Target"},
    "common.fullscreen": {"sv": "Helskärm", "en": "Full screen"},
    "common.all": {"sv": "Alla", "en": "All"},
    # ---------------------------------------------------------------------------- page titles
    "page.map": {"sv": "Karta", "en": "Map"},
    "page.table": {"sv": "Tabell", "en": "Table"},
    "page.timeline": {"sv": "Tidslinje", "en": "Timeline"},
    "page.places": {"sv": "Områden", "en": "Places"},
    "page.presentation": {"sv": "Presentation", "en": "Presentation"},
    "page.about": {"sv": "Om", "en": "About"},
    "page.accessibility": {"sv": "Tillgänglighet", "en": "Accessibility"},
    # ------------------------------------------------------------------------------ statuses
    "status.ongoing": {"sv": "Pågår", "en": "Ongoing"},
    "status.started": {"sv": "Påbörjat", "en": "Started"},
    "status.planned": {"sv": "Planerat", "en": "Planned"},
    "status.not_stated": {"sv": "Ej angivet", "en": "Not stated"},
    # ------------------------------------------- follow-up: what became of it (soderort.followup)
    "followup.status.genomford": {"sv": "Genomförd", "en": "Completed"},
    "followup.status.pagar": {"sv": "Pågår", "en": "Under way"},
    "followup.status.delvis": {"sv": "Delvis", "en": "In part"},
    "followup.status.ej-genomford": {"sv": "Ej genomförd", "en": "Not carried out"},
    "followup.status.andrad-inriktning": {"sv": "Ändrad inriktning", "en": "Changed direction"},
    "followup.status.okant": {"sv": "Okänt", "en": "Unknown"},
    "followup.status.ingen": {"sv": "Ingen uppföljning", "en": "No follow-up"},
    "followup.heading": {"sv": "Uppföljning", "en": "Follow-up"},
    "followup.none": {"sv": "Ingen uppföljning registrerad", "en": "No follow-up recorded"},
    "followup.status_on": {"sv": "{status} ({date})", "en": "{status} ({date})"},
    "followup.status_today": {"sv": "Status i dag: {status}", "en": "Status today: {status}"},
    "followup.read_on": {"sv": "läst {date}", "en": "read {date}"},
    "followup.according_to": {
        "sv": "enligt {source}, läst {date}",
        "en": "according to {source}, read {date}",
    },
    "followup.searched": {
        "sv": "Ingen källa hittad (sökt {date})",
        "en": "No source found (searched {date})",
    },
    "followup.searched_where": {"sv": "Sökt i", "en": "Searched"},
    "followup.latest_of": {"sv": "Senaste av {n} uppgifter", "en": "Latest of {n} entries"},
    "followup.history": {"sv": "{n} uppgifter, äldst först:", "en": "{n} entries, oldest first:"},
    # --------------------------------------------------------------------------------- roles
    "role.lead": {"sv": "Ansvarig", "en": "Lead"},
    "role.collaborator": {"sv": "I samverkan", "en": "In collaboration"},
    # ----------------------------------------------------------------------- committee kinds
    "committee_kind.city_company": {"sv": "Stadsägt bolag", "en": "City-owned company"},
    "committee_kind.district_council": {"sv": "Stadsdelsnämnd", "en": "District council"},
    "committee_kind.external": {"sv": "Extern", "en": "External"},
    # --------------------------------------------------- the source table's eight columns
    "column.rubrik": {"sv": "Rubrik", "en": "Heading"},
    "column.uppdrag": {"sv": "Uppdrag", "en": "Assignment"},
    "column.uppdragsgivare": {"sv": "Uppdragsgivare", "en": "Commissioned by"},
    "column.forvantat_resultat": {"sv": "Förväntat resultat", "en": "Expected result"},
    "column.tidplan": {"sv": "Tidplan", "en": "Timeline"},
    "column.ansvarig_namnd": {"sv": "Ansvarig nämnd", "en": "Responsible committee"},
    "column.ansvarig_handlaggare": {"sv": "Ansvarig handläggare", "en": "Responsible officer"},
    "column.handlaggare_slk": {"sv": "Handläggare SLK", "en": "SLK officer"},
    # ------------------------------------------------------------------ truncated source text
    "truncated.marker": {"sv": "…", "en": "…"},
    "truncated.explanation": {
        "sv": "Texten är avklippt i källan",
        "en": "Cut off in the source",
    },
    # ------------------------------------------------------- uncertain readings of the OCR
    "reading.mark": {
        "sv": "[osäker läsning; OCR: ”{ocr}”]",
        "en": "[uncertain reading; OCR: “{ocr}”]",
    },
    "reading.note": {
        "sv": "Osäker läsning av originalet: OCR-texten har ”{ocr}”.",
        "en": "Uncertain reading of the original: the OCR text has “{ocr}”.",
    },
    "reading.other": {
        "sv": "[kan också läsas som {label}: {years}]",
        "en": "[can also be read as {label}: {years}]",
    },
    # ------------------------------------------------------------------------------- sidebar
    "sidebar.language": {"sv": "Språk / Language", "en": "Språk / Language"},
    "sidebar.committee.placeholder": {"sv": "Alla nämnder", "en": "All committees"},
    "sidebar.lead_only": {"sv": "Endast som ansvarig", "en": "Lead only"},
    "sidebar.lead_only.help": {
        "sv": "På: nämnden ska vara ansvarig. Av: nämnden kan ha vilken roll som helst.",
        "en": "On: the committee must lead. Off: the committee may have any role.",
    },
    "sidebar.timeline.help": {
        "sv": "Visar initiativ som nämner något år i intervallet (start, delmål eller mål).",
        "en": "Shows initiatives that name a year in the range (start, milestone or target).",
    },
    "sidebar.include_unknown_years": {
        "sv": "Ta med initiativ utan angiven tid",
        "en": "Include initiatives without a stated time",
    },
    "sidebar.follow_up.help": {
        "sv": (
            "Vad som blev av initiativet efter 2010, enligt den senaste källbelagda "
            "uppföljningen (en uppgift som källan inte daterar räknas från dagen källan "
            "lästes); ”Ingen uppföljning” där ingen finns. ”Status i planen (2010)” är i stället "
            "vad planen själv sade."
        ),
        "en": (
            "What became of the initiative after 2010, from the latest sourced follow-up (an "
            "entry its source does not date counts from the day the source was read); “No "
            "follow-up” where there is none. “Status in the plan (2010)” is what the plan itself "
            "said instead."
        ),
    },
    "sidebar.area.placeholder": {"sv": "Alla områden", "en": "All places"},
    "sidebar.theme.placeholder": {"sv": "Alla teman", "en": "All themes"},
    "sidebar.search": {"sv": "Sök i texten", "en": "Search the text"},
    "sidebar.search.placeholder": {"sv": "t.ex. Högdalen", "en": "e.g. Högdalen"},
    "sidebar.search.help": {
        "sv": "Alla ord ska finnas med. Skiftläge och accenter spelar ingen roll.",
        "en": "Every word must occur. Case and accents do not matter.",
    },
    "sidebar.reset": {"sv": "Återställ filter", "en": "Reset filters"},
    # ------------------------------------------------------------------------ counts, results
    "count.one_initiative": {"sv": "1 initiativ", "en": "1 initiative"},
    "count.n_initiatives": {"sv": "{n} initiativ", "en": "{n} initiatives"},
    "count.initiatives": {
        "sv": "{shown} av {total} initiativ",
        "en": "{shown} of {total} initiatives",
    },
    "count.undated": {
        "sv": ", varav {n} utan angivet år",
        "en": ", {n} of them with no stated year",
    },
    "results.no_match": {
        "sv": "Inga initiativ matchar filtren. Ändra filtren eller klicka på ”Återställ filter”.",
        "en": "No initiatives match the filters. Change them or click “Reset filters”.",
    },
    # ------------------------------------------------------------ notices about the URL
    "notice.url_dropped": {
        "sv": "En del av adressen kunde inte användas och ignorerades: {items}.",
        "en": "Part of the address could not be used and was ignored: {items}.",
    },
    "notice.item": {"sv": "{param}={value} ({reason})", "en": "{param}={value} ({reason})"},
    "notice.more": {"sv": "och {count} parametrar till", "en": "and {count} more parameters"},
    "notice.query_too_many": {
        "sv": "Adressen har {count} parametrar. Appen kan läsa högst {limit}, så ingen av dem "
        "användes och allt visas utan filter. Välj filtren i sidomenyn, eller korta adressen.",
        "en": "The address has {count} parameters. The app can read at most {limit}, so none of "
        "them was used and everything is shown unfiltered. Choose the filters in the sidebar, or "
        "shorten the address.",
    },
    "notice.query_too_long": {
        "sv": "Adressen är {count} tecken lång. Appen kan läsa högst {limit}, så inget av den "
        "användes och allt visas utan filter. Välj filtren i sidomenyn, eller korta adressen.",
        "en": "The address is {count} characters long. The app can read at most {limit}, so "
        "none of it was used and everything is shown unfiltered. Choose the filters in the "
        "sidebar, or shorten the address.",
    },
    "reason.unknown_key": {"sv": "okänd parameter", "en": "unknown parameter"},
    "reason.unknown_value": {"sv": "okänt värde", "en": "unknown value"},
    "reason.not_a_year": {"sv": "inget årtal", "en": "not a year"},
    "reason.out_of_range": {"sv": "utanför planens år", "en": "outside the plan's years"},
    "reason.from_after_to": {
        "sv": "startåret ligger efter slutåret",
        "en": "start year after end year",
    },
    "reason.too_long": {"sv": "för långt", "en": "too long"},
    "reason.repeated": {"sv": "upprepat", "en": "repeated"},
    # ------------------------------------------------------------------- broken data files
    "data_error.title": {"sv": "Datan kunde inte läsas", "en": "The data could not be read"},
    "data_error.files": {
        "sv": "Det finns fel i {files}. Appen kan inte visas förrän felen är rättade.",
        "en": "There are errors in {files}. The app cannot be shown until they are fixed.",
    },
    "data_error.more": {"sv": "… och {count} fel till", "en": "… and {count} more"},
    "data_error.check": {
        "sv": "Rätta filerna i mappen `geodata/` och kontrollera dem med {command}.",
        "en": "Fix the files in the `geodata/` folder and check them with {command}.",
    },
    # ------------------------------------------- reliability: data read from another folder
    "data_error.check_env": {
        "sv": "Rätta filerna i datamappen som miljövariabeln `SODERORT_DATA_DIR` pekar på och "
        "kontrollera dem med {command}.",
        "en": "Fix the files in the data folder that the `SODERORT_DATA_DIR` environment "
        "variable points to and check them with {command}.",
    },
    "data.changing": {
        "sv": "{files} håller på att ändras. Här visas den senaste fullständiga versionen "
        "({count} initiativ) tills ändringen är klar.",
        "en": "{files} is being changed. This is the last complete version ({count} "
        "initiatives) until the change is done.",
    },
    "error.script": {
        "sv": "Något gick fel när sidan skulle visas. Felet har sparats i serverns logg. Ladda "
        "om sidan, eller öppna länken igen; dina filter finns kvar i adressen.",
        "en": "Something went wrong while showing the page. The error has been written to the "
        "server's log. Reload the page, or open the link again; your filters are kept in the "
        "address.",
    },
    "download.unknown": {
        "sv": "Den filen finns inte att ladda ned. Gå tillbaka till Söderort 2030 och välj en "
        "av sidans nedladdningar.",
        "en": "There is no such file to download. Go back to Söderort 2030 and choose one of "
        "the page's downloads.",
    },
    "download.no_plan": {
        "sv": "Planen kan inte läsas just nu, så filen kan inte göras. Försök igen senare.",
        "en": "The plan cannot be read right now, so the file cannot be made. Try again later.",
    },
    "data.refused": {
        "sv": "En ny version av {files} kunde inte användas (sedan {since}). Här visas den "
        "senaste fungerande versionen ({count} initiativ) tills filen är rättad:",
        "en": "A new version of {files} could not be used (since {since}). This is the last "
        "version that worked ({count} initiatives) until the file is fixed:",
    },
    # ------------------------------------------------------------ the filters, in words
    "filters.line": {"sv": "Filtrerat på:", "en": "Filtered by:"},
    "filters.remove": {
        "sv": "Ta bort filtret: visa också det som det valde bort",
        "en": "Remove this filter: show what it left out as well",
    },
    "describe.committee": {"sv": "Nämnd: {values}", "en": "Committee: {values}"},
    "describe.committee_lead": {
        "sv": "Nämnd (endast som ansvarig): {values}",
        "en": "Committee (lead only): {values}",
    },
    "describe.years": {"sv": "År: {years}", "en": "Years: {years}"},
    "describe.unknown_left_out": {
        "sv": "Initiativ utan angiven tid är inte med",
        "en": "Initiatives without a stated time are left out",
    },
    "describe.undated_kept": {
        "sv": "Initiativ utan angivet år är med: {n}",
        "en": "Initiatives with no stated year are included: {n}",
    },
    "describe.status": {
        "sv": "Status i planen (2010): {values}",
        "en": "Status in the plan (2010): {values}",
    },
    "describe.follow_up": {"sv": "Status i dag: {values}", "en": "Status today: {values}"},
    "describe.area": {"sv": "Område: {values}", "en": "Place: {values}"},
    "describe.theme": {"sv": "Tema: {values}", "en": "Theme: {values}"},
    "describe.text": {"sv": "Sökord: {text}", "en": "Search words: {text}"},
}
