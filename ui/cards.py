"""Initiative cards, shared by the map's list, the place pages and presentation mode."""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from soderort import inert
from soderort.facts import committee_entries
from soderort.followup import searched_text, searched_where, source_text, status_on
from soderort.i18n import column_label, status_label, t
from soderort.loading import PlanData
from soderort.model import TEXT_FIELDS, FollowUpEntry, Initiative
from soderort.readings import noted_text, shown_text


def field_markdown(
    initiative: Initiative, field: str, language: str = "sv", notes: bool = False
) -> str:
    """One column's text, escaped, uncertain readings marked, "…" where the source cuts it off.

    With ``notes`` (the presentation's slides) a reading gets a note number, not the mark in
    words; `reading_notes` are the notes.
    """
    marked = noted_text if notes else shown_text
    value = inert.markdown(marked(initiative, field, language))
    return f"{value} …" if initiative.is_truncated(field) else value


def committees_markdown(data: PlanData, initiative: Initiative, language: str) -> str:
    """The responsible bodies, leads first, each with its role.

    Each name is made inert on its own, so that a right-to-left control in one name cannot turn
    the role after it, or the next name, around.
    """
    return "; ".join(
        f"{inert.markdown(entry.name)} ({inert.markdown(entry.role)})"
        for entry in committee_entries(data, initiative, language)
    )


def places_markdown(data: PlanData, initiative: Initiative, language: str) -> str:
    """The initiative's places, by name."""
    return ", ".join(inert.markdown(data.place_name(p, language)) for p in initiative.places)


def follow_up_markdown(
    data: PlanData, initiative: Initiative, language: str, *, history: bool = False
) -> str:
    """The follow-up under the heading "Uppföljning": status, when, text and source.

    The latest entry, saying of how many when there are more; with `history`, every entry as a
    dated history, oldest first, under today's status. The source's title links to its address
    (Streamlit opens Markdown links in a new tab with rel="noopener noreferrer"); every text
    from the file is escaped. The validator keeps the address free of spaces, quotes and angle
    brackets; its parentheses are percent-encoded here, so that none can end the link early.
    With no entry: "Ingen källa hittad (sökt …)" and where it was looked for, or "Ingen
    uppföljning registrerad".
    """
    heading = f"**{t('followup.heading', language)}**"
    entries = data.follow_up_entries(initiative.id)
    if not entries:
        said = inert.markdown(searched_text(data, initiative.id, language))
        where = searched_where(data, initiative.id)
        if where:
            said += f"  \n{t('followup.searched_where', language)}: {inert.markdown(where)}"
        return f"{heading}  \n{said}"
    latest = entries[-1]
    # Today's status, named apart from the plan's own ("Status i planen (2010)").
    status = t(
        "followup.status_today", language, status=inert.markdown(status_on(latest, language))
    )
    if history and len(entries) > 1:
        count = t("followup.history", language, n=len(entries))
        lines = [
            f"- **{inert.markdown(status_on(entry, language))}** {_entry_markdown(entry, language)}"
            for entry in entries
        ]
        return f"{heading} · {status}  \n:small[{count}]\n\n" + "\n".join(lines)
    note = ""
    if len(entries) > 1:
        note = f"  \n:small[{t('followup.latest_of', language, n=len(entries))}]"
    return f"{heading} · {status}  \n{_entry_markdown(latest, language)}{note}"


def _entry_markdown(entry: FollowUpEntry, language: str) -> str:
    """An entry's text and its source, linked, on two lines."""
    source = source_text(entry, language)
    title = inert.markdown(source.title)
    if source.url:
        address = source.url.replace("(", "%28").replace(")", "%29")
        title = f"[{title}]({address})"
    if source.reference:
        title = f"{title} ({inert.markdown(source.reference)})"
    return (
        f"{inert.markdown(entry.text)}  \n"
        f"{t('common.source', language)}: {title} – {inert.markdown(source.publisher)}, "
        f"{inert.markdown(source.dates)}"
    )


def render_initiative_card(
    data: PlanData,
    initiative: Initiative,
    language: str,
    *,
    expanded: bool = False,
    history: bool = False,
) -> None:
    """Draw one initiative as a card: heading, places, committees, timeline, full text on expand.

    Parameters
    ----------
    data : PlanData
        The loaded plan.
    initiative : Initiative
        The initiative to show.
    language : str
        Interface language; the initiative's own text stays Swedish.
    expanded : bool
        Whether the full text starts open.
    history : bool
        Whether the follow-up shows every entry (the place page) or the latest (the map's list).
    """
    # Six elements a card, each text part in one Markdown element: the map's list sends every
    # element on every rerun, and the page's front end draws each one again when the run starts
    # and when it ends (a filter change with 21 cards of nine elements spent 100 ms on them).
    status = status_label(initiative.timeline.status.value, language)
    timeline = field_markdown(initiative, "tidplan", language) or t("card.no_time", language)
    with st.container(border=True):
        st.markdown(
            f"### {field_markdown(initiative, 'rubrik', language)}\n\n"
            f":small[{places_markdown(data, initiative, language)} · "
            f"{t('common.status', language)}: {status}]\n\n"
            f"**{t('column.uppdrag', language)}:** "
            f"{field_markdown(initiative, 'uppdrag', language)}  \n"
            f"**{t('common.responsible', language)}:** "
            f"{committees_markdown(data, initiative, language)}  \n"
            f"**{t('column.tidplan', language)}:** {timeline}"
        )
        # Apart from the plan's text, in a box of its own: what became of it, with its source.
        with st.container(border=True):
            st.markdown(follow_up_markdown(data, initiative, language, history=history))
        with st.expander(t("card.full_text", language), expanded=expanded):
            source = initiative.source
            notes = [t("card.source", language, page=source.page, row=source.row)]
            if initiative.truncated:
                notes.insert(0, t("truncated.explanation", language))
            st.markdown(
                "\n\n".join(
                    [
                        *(
                            f"**{column_label(field, language)}**  \n"
                            f"{field_markdown(initiative, field, language)}"
                            for field in TEXT_FIELDS
                            if getattr(initiative, field)
                        ),
                        *(f":small[{note}]" for note in notes),
                    ]
                )
            )


def render_card_list(
    data: PlanData,
    initiatives: Sequence[Initiative],
    language: str,
    *,
    limit: int = 60,
    expanded: bool = False,
    history: bool = False,
) -> None:
    """Draw cards for initiatives, at most `limit`, saying how many more there are."""
    for initiative in initiatives[:limit]:
        render_initiative_card(data, initiative, language, expanded=expanded, history=history)
    if len(initiatives) > limit:
        st.info(t("card.more", language, shown=limit, total=len(initiatives)))
