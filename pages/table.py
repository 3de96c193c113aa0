"""Tabell: every matching initiative with every column, sortable and searchable, and downloads."""

import streamlit as st

from soderort import exports, views, viewstate
from soderort.facts import count_with_undated
from soderort.filters import filter_initiatives
from soderort.i18n import t
from soderort.render import spreadsheet_files
from ui.data import cache_per_plan, get_plan_data
from ui.filter_line import render_filter_line
from ui.view import current_view

EXPORT_STEM = "soderort-2030-initiativ"
CSV_MIME = "text/csv"
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# Tall enough for three lines: the grid wraps a cell's text when a row has room for more than one.
ROW_HEIGHT = 74
HEADER_HEIGHT = 38
MAX_TABLE_HEIGHT = 760
# The plan beside the outcome has long cells (every follow-up entry): more room a row.
OUTCOME_ROW_HEIGHT = 148

data = get_plan_data()
view = current_view()
language = view.language


# Keyed by the loaded plan (its folder and files' times: an edited file gives new bytes), the
# initiatives' ids and the language.
@cache_per_plan(max_entries=64)
def csv_bytes(data, ids: tuple[str, ...], language: str) -> bytes:
    items = [data.initiative(i) for i in ids]
    return spreadsheet_files.to_csv_bytes(exports.initiatives_table(data, items, language))


@cache_per_plan(max_entries=64)
def xlsx_bytes(data, ids: tuple[str, ...], language: str) -> bytes:
    items = [data.initiative(i) for i in ids]
    return spreadsheet_files.to_xlsx_bytes(exports.initiatives_table(data, items, language))


def column_config(language: str) -> dict:
    config: dict = {key: None for key in views.HIDDEN_TABLE_COLUMNS}
    for column in views.table_columns(language):
        if column.kind == "year":
            config[column.label] = st.column_config.NumberColumn(
                column.label, help=column.help, width=column.width, format="%d"
            )
        else:
            config[column.label] = st.column_config.TextColumn(
                column.label, help=column.help, width=column.width
            )
    return config


st.title(t("table.title", language))
st.caption(t("table.caption", language))

initiatives = filter_initiatives(data, view.filters)
st.markdown(
    "**" + count_with_undated(view.filters, initiatives, len(data.initiatives), language) + "**"
)
render_filter_line(data, view)
if not initiatives:
    st.warning(t("results.no_match", language))
else:
    table = views.display_table(data, initiatives, language)
    st.dataframe(
        table,
        hide_index=True,
        column_config=column_config(language),
        key=viewstate.TABLE_KEY,
        row_height=ROW_HEIGHT,
        height=min(HEADER_HEIGHT + ROW_HEIGHT * len(initiatives) + 2, MAX_TABLE_HEIGHT),
        alt=t("table.alt", language),
    )
    # The plan's expected result and timeline beside what the sources say became of it.
    st.subheader(t("table.outcome.heading", language))
    st.caption(t("table.outcome.caption", language))
    outcome = views.outcome_table(table, language)
    st.dataframe(
        outcome,
        hide_index=True,
        column_config={
            column.label: st.column_config.TextColumn(
                column.label,
                help=column.help,
                width="large" if column.width == "large" else "medium",
            )
            for column in views.table_columns(language)
            if column.label in outcome.columns
        },
        key=viewstate.OUTCOME_TABLE_KEY,
        row_height=OUTCOME_ROW_HEIGHT,
        height=min(HEADER_HEIGHT + OUTCOME_ROW_HEIGHT * len(initiatives) + 2, MAX_TABLE_HEIGHT),
        alt=t("table.outcome.alt", language),
    )

st.subheader(t("table.download.heading", language))
st.caption(t("table.download.text", language, count=len(initiatives)))
ids = views.initiative_ids(initiatives)
csv_column, xlsx_column = st.columns(2)
csv_column.download_button(
    t("table.download.csv", language),
    data=csv_bytes(data, ids, language),
    file_name=spreadsheet_files.export_filename(EXPORT_STEM, "csv"),
    mime=CSV_MIME,
    icon=":material/download:",
    on_click="ignore",
    key=viewstate.SS_DOWNLOAD_CSV,
    disabled=not initiatives,
    width="stretch",
)
csv_column.caption(t("table.download.csv.help", language))
xlsx_column.download_button(
    t("table.download.xlsx", language),
    data=xlsx_bytes(data, ids, language),
    file_name=spreadsheet_files.export_filename(EXPORT_STEM, "xlsx"),
    mime=XLSX_MIME,
    icon=":material/download:",
    on_click="ignore",
    key=viewstate.SS_DOWNLOAD_XLSX,
    disabled=not initiatives,
    width="stretch",
)
xlsx_column.caption(t("table.download.xlsx.help", language))
