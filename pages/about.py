"""Om: the source document, how the data was made, what the source cuts off, and the sources."""

import re

import streamlit as st

from soderort import inert, paths
from soderort.followup import (
    follow_up_count,
    status_on,
)
from soderort.i18n import column_label, format_date, t
from soderort.readings import reading_lines, reading_mark
from ui.cards import field_markdown
from ui.data import VALIDATE_COMMAND, get_plan_data
from ui.open_data import site_url
from ui.view import current_view

data = get_plan_data()
language = current_view().language
document = data.document


def bullets(lines):
    return "\n".join(f"- {line}" for line in lines)


st.title(t("about.title", language))

st.header(t("about.source.heading", language))
st.markdown(
    t(
        "about.source.text",
        language,
        title=f"*{inert.markdown(document.title)}*",
        section=inert.markdown(document.section),
        publisher=inert.markdown(document.publisher),
        date=format_date(document.date, language),
        status=inert.markdown(document.status),
        pages=document.pages,
    )
)
st.info(t("about.source.draft", language), icon=":material/draft:")

st.header(t("about.method.heading", language))
st.markdown(t("about.method.text", language, count=len(data.initiatives)))

st.header(t("about.truncated.heading", language))
cut = [item for item in data.initiatives if item.truncated]
if cut:
    st.markdown(t("about.truncated.text", language, marker=t("truncated.marker", language)))
    st.markdown(
        bullets(
            f"**{field_markdown(item, 'rubrik', language)}**: "
            + ", ".join(column_label(name, language) for name in item.truncated)
            for item in cut
        )
    )
else:
    st.markdown(t("about.truncated.none", language))

st.header(t("about.readings.heading", language))
reading_list = reading_lines(data.initiatives, language)
if reading_list:
    example = next(item for item in data.initiatives if item.uncertain_readings)
    mark = reading_mark(example.uncertain_readings[0], language)
    st.markdown(t("about.readings.text", language, mark=inert.markdown(mark)))
    st.markdown(bullets(inert.markdown(line) for line in reading_list))
else:
    st.markdown(t("about.readings.none", language))

st.header(t("about.decisions.heading", language))
st.markdown(t("about.decisions.text", language))

st.header(t("about.areas.heading", language))
areas = ", ".join(inert.markdown(name) for name in sorted(data.areas["name"]))
st.markdown(t("about.areas.text", language, areas=areas))

st.header(t("about.notes.heading", language))
st.caption(t("about.notes.language", language))
st.markdown(bullets(inert.markdown(note) for note in document.editorial_notes))
noted = [item for item in data.initiatives if item.notes]
if noted:
    with st.expander(t("about.initiative_notes", language)):
        st.markdown(
            bullets(
                f"**{field_markdown(item, 'rubrik', language)}**: "
                + " ".join(inert.markdown(note) for note in item.notes)
                for item in noted
            )
        )

st.header(t("about.geodata.heading", language))
st.markdown(
    bullets(
        (
            t("about.geodata.stadsdelar", language),
            t("about.geodata.kommuner", language),
            t("about.geodata.points", language),
        )
    )
)
sources_file = paths.GEODATA_SOURCES_FILE
if sources_file.is_file():
    with st.expander(t("about.geodata.sources_file", language)):
        # The file's headings start at "#"; push them down so that they sit under this section.
        text = sources_file.read_text(encoding="utf-8")
        st.markdown(re.sub(r"(?m)^(#{1,4}) ", r"##\1 ", text))

st.header(t("followup.heading", language))
st.markdown(t("about.followup.text", language))
lines = []
for item in data.initiatives:
    latest = data.latest_follow_up(item.id)
    if latest is not None:
        said = status_on(latest, language)
        lines.append(f"**{field_markdown(item, 'rubrik', language)}**: {inert.markdown(said)}")
st.markdown(
    t("about.followup.count", language, count=follow_up_count(data), total=len(data.initiatives))
)
if lines:
    st.markdown(bullets(lines))
# For readers; how staff add an entry is the README's ("Så lägger du till en uppföljning").
st.markdown(t("about.followup.how", language))

st.header(t("about.opendata.heading", language))
# The addresses as the reader reached the app (or its published address), as code to copy:
# site_url() holds nothing but a scheme, a host name, a port and the base path.
site = site_url()
st.markdown(t("about.opendata.text", language, site=site))
st.markdown(t("about.opendata.fields", language))
st.markdown(t("about.opendata.licence", language))
st.markdown(t("about.opendata.examples", language, site=site))

st.header(t("about.report.heading", language))
st.markdown(t("about.report.text", language, command=f"`{VALIDATE_COMMAND}`"))
