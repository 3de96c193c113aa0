"""A place's popup as escaped HTML: its initiatives, their follow-up, a link to its page."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from urllib.parse import urlencode

from soderort.facts import committee_entries
from soderort.followup import (
    searched_text,
    source_text,
    status_on,
)
from soderort.i18n import column_label, initiative_count, t
from soderort.inert import html as escape
from soderort.loading import PlanData
from soderort.model import Initiative
from soderort.readings import shown_text

POPUP_FULL_LIMIT = 3
POPUP_LIST_LIMIT = 8


def _committee_line(data: PlanData, initiative: Initiative, language: str) -> str:
    # Each name inert on its own: a right-to-left control in it cannot turn its role around.
    return "; ".join(
        f"{escape(entry.name)} ({escape(entry.role)})"
        for entry in committee_entries(data, initiative, language)
    )


def _field_html(initiative: Initiative, field: str, language: str) -> str:
    value = shown_text(initiative, field, language)
    if not value:
        return ""
    cut = ""
    if initiative.is_truncated(field):
        cut_title = escape(t("truncated.explanation", language))
        cut = f' <span class="sod-cut" title="{cut_title}">…</span>'
    label = column_label(field, language)
    return f"<dt>{escape(label)}</dt><dd>{escape(value)}{cut}</dd>"


def initiative_html(
    data: PlanData, initiative: Initiative, language: str = "sv", place_href: str | None = None
) -> str:
    """Return one initiative as escaped HTML for a popup: its fields and committees.

    Parameters
    ----------
    data : PlanData
        The loaded data (for committee names).
    initiative : Initiative
        The initiative.
    language : str
        Interface language of the labels; the initiative's text stays Swedish.
    place_href : str or None
        The place page's link, where the follow-up's earlier entries are (None: no link).

    Returns
    -------
    str
        An HTML fragment: Uppdrag, Förväntat resultat and Tidplan where stated (a "…" where the
        source cuts the text off), then the committees, leads first.
    """
    fields = "".join(
        _field_html(initiative, f, language) for f in ("uppdrag", "forvantat_resultat", "tidplan")
    )
    committees = (
        f"<dt>{escape(t('common.responsible', language))}</dt>"
        f"<dd>{_committee_line(data, initiative, language)}</dd>"
    )
    follow_up = follow_up_html(data, initiative, language, place_href)
    return f"<dl>{fields}{committees}</dl>{follow_up}"


def follow_up_html(
    data: PlanData, initiative: Initiative, language: str = "sv", place_href: str | None = None
) -> str:
    """Return an initiative's latest follow-up as escaped HTML, apart from the plan's text.

    A box headed "Uppföljning" with the status and when it holds, the entry's text and its
    source, linked (opening apart from the map, with no access back to it), and "Senaste av n
    uppgifter" when there are more, linked to the place page that shows them all; "Ingen källa
    hittad (sökt …)" or "Ingen uppföljning registrerad" when there is no entry.
    """
    heading = f"<h5>{escape(t('followup.heading', language))}</h5>"
    entries = data.follow_up_entries(initiative.id)
    latest = entries[-1] if entries else None
    if latest is None:
        return (
            f'<div class="sod-followup">{heading}'
            f"<p>{escape(searched_text(data, initiative.id, language))}</p></div>"
        )
    status = status_on(latest, language)
    source = source_text(latest, language)
    title = escape(source.title)
    if source.url:
        title = (
            f'<a href="{escape(source.url)}" target="_blank" rel="noopener noreferrer">{title}</a>'
        )
    where = f" ({escape(source.reference)})" if source.reference else ""
    more = ""
    if len(entries) > 1:
        more = escape(t("followup.latest_of", language, n=len(entries)))
        if place_href is not None:
            more = f'<a href="{escape(place_href)}" target="_top">{more}</a>'
        more = f'<p class="sod-meta">{more}</p>'
    return (
        f'<div class="sod-followup">{heading}'
        f'<p class="sod-status">{escape(t("followup.status_today", language, status=status))}</p>'
        f"<p>{escape(latest.text)}</p>"
        f"<p>{escape(t('common.source', language))}: {title}{where} – "
        f"{escape(source.publisher)}, {escape(source.dates)}</p>{more}</div>"
    )


def place_link(
    place_id: str,
    language: str = "sv",
    place_url: str = "/omrade",
    link_params: Mapping[str, str] | None = None,
) -> str:
    """Return the link to a place's page, keeping the view's parameters.

    Parameters
    ----------
    place_id : str
        The place.
    language : str
        Interface language; added as ``lang`` unless Swedish or given in `link_params`.
    place_url : str
        Path of the place page.
    link_params : mapping of str to str, optional
        Further query parameters, e.g. the current filters; a ``place`` among them is replaced.

    Returns
    -------
    str
        A URL path with its query, not yet HTML-escaped.
    """
    params = {"place": place_id}
    params.update({k: v for k, v in (link_params or {}).items() if k != "place"})
    if language != "sv" and "lang" not in params:
        params["lang"] = language
    return f"{place_url}?{urlencode(params)}"


def popup_html(
    data: PlanData,
    place_id: str,
    initiatives: Sequence[Initiative],
    language: str = "sv",
    place_url: str | None = "/omrade",
    link_params: Mapping[str, str] | None = None,
) -> str:
    """Return a place's popup: its name, its matching initiatives and a link to its page.

    A place with a few initiatives shows them in full; with more, each opens on demand, and
    past `POPUP_LIST_LIMIT` the rest are left to the place page, so a popup never becomes a wall
    of text. Without a place page (``place_url`` None) every initiative is listed, folded.

    Parameters
    ----------
    data : PlanData
        The loaded data.
    place_id : str
        The place.
    initiatives : sequence of Initiative
        The place's matching initiatives, in the source's order.
    language : str
        Interface language.
    place_url : str or None
        Path of the place page; the place id is added as ``?place=``. None leaves the link out.
    link_params : mapping of str to str, optional
        Query parameters the link keeps (the current filters), see `place_link`.

    Returns
    -------
    str
        An HTML fragment with every value escaped.
    """
    row = data.places.loc[place_id]
    name = data.place_name(place_id, language)
    meta = [initiative_count(len(initiatives), language)]
    if bool(row["approximate"]):
        meta.append(t("map.popup.approximate", language))
    parts = [
        f'<div class="sod-popup" lang="sv" data-place="{escape(place_id)}">',
        f"<h3>{escape(name)}</h3>",
        f'<p class="sod-meta">{escape(" · ".join(meta))}</p>',
    ]
    if not initiatives:
        parts.append(f"<p>{escape(t('map.popup.no_match', language))}</p>")
    full = len(initiatives) <= POPUP_FULL_LIMIT
    href = None if place_url is None else place_link(place_id, language, place_url, link_params)
    # A file without place pages (no address) lists them all: there is no page to leave the rest to.
    listed = initiatives if href is None else initiatives[:POPUP_LIST_LIMIT]
    for initiative in listed:
        body = initiative_html(data, initiative, language, href)
        heading = escape(shown_text(initiative, "rubrik", language))
        if full:
            parts.append(f"<h4>{heading}</h4>{body}")
        else:
            parts.append(f"<details><summary>{heading}</summary>{body}</details>")
    if len(initiatives) > len(listed):
        more = t("map.popup.more", language, n=len(initiatives) - POPUP_LIST_LIMIT)
        parts.append(f'<p class="sod-meta">{escape(more)}</p>')
    if href is None:
        # A file with no server and no public address: the place pages are out of its reach.
        return "".join([*parts, "</div>"])
    link_text = escape(t("map.popup.open_place", language))
    parts.append(f'<p><a href="{escape(href)}" target="_top">{link_text} →</a></p>')
    parts.append("</div>")
    return "".join(parts)
