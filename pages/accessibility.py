"""Tillgänglighet: the accessibility statement Swedish public-sector sites must publish.

Its parts follow DIGG's model statement (lagen (2018:1937) om tillgänglighet till digital
offentlig service): compliance, what works, known problems, how to report, enforcement, testing.
"""

import datetime as dt

import streamlit as st

from soderort import inert
from soderort.i18n import format_date, t
from ui.data import get_plan_data
from ui.view import current_view

# When the statement was last reviewed against the site (DIGG asks for the date).
STATEMENT_UPDATED = dt.date(2026, 11, 30)
# DIGG's page "Anmäl bristande tillgänglighet": how to report a public body's website or app that
# is not accessible (its form, or by post, e-mail or telephone).
DIGG_REPORT_URL = "https://www.digg.se/tdosanmalan"

data = get_plan_data()
language = current_view().language
publisher = inert.markdown(data.document.publisher)


def bullets(text: str) -> str:
    return "\n".join(f"- {line}" for line in text.splitlines())


st.title(t("accessibility.title", language))
st.markdown(t("accessibility.intro", language, publisher=publisher))

st.header(t("accessibility.status.heading", language))
st.markdown(t("accessibility.status.text", language))

st.header(t("accessibility.works.heading", language))
st.markdown(bullets(t("accessibility.works", language)))

st.header(t("accessibility.problems.heading", language))
st.markdown(bullets(t("accessibility.problems", language)))

st.header(t("accessibility.report.heading", language))
st.markdown(t("accessibility.report.text", language, publisher=publisher))

st.header(t("accessibility.enforcement.heading", language))
st.markdown(t("accessibility.enforcement.text", language, digg_url=DIGG_REPORT_URL))

st.header(t("accessibility.testing.heading", language))
st.markdown(
    t("accessibility.testing.text", language, date=format_date(STATEMENT_UPDATED, language))
)
