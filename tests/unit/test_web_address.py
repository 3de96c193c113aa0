"""A source's web address: what a reader sees is what a click opens, or the file is refused."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from soderort import paths
from soderort.errors import DataError
from soderort.plan_files import load_follow_ups
from soderort.web_address import address_problem
from tests.conftest import RULES_FOLLOW_UP

ACCEPTED = [
    "https://vaxer.stockholm/omraden/stadsutvecklingsomraden/soderstaden/",
    "http://bygg.stockholm.se/Alla-projekt/Soderstaden/",
    "https://example.org/a_(b)?q=1&r=2#del",
    "https://sv.wikipedia.org/wiki/H%C3%B6gdalen",
    # An old site's Latin-1 query ("å") is a letter, not a surprise.
    "https://www.stockholm.se/sok?q=sk%E5rholmen",
    # An internationalised name whose letters are Swedish: "skärgård".
    "https://xn--skrgrd-fxa5g.se/",
    "https://www.stockholm.se:443/",
]

# address -> what the refusal must say
REFUSED = {
    "javascript:alert(1)": "börjar med https://",
    "file:///etc/passwd": "börjar med https://",
    "https://a.se/\x07": "U+0007",
    "https://a.se/x\x1b[31m": "U+001B",
    "https://a.se/\u202efdp.exe": "U+202E",
    "https://a.se/\u200b": "U+200B",
    "https://a.se/a b": "U+0020",
    "https://a.se/\t": "U+0009",
    "https://a.se/x\\": "'\\\\'",
    "https://a.se\\@b.se/": "'\\\\'",
    'https://a.se/"onmouseover=x': "'\"'",
    "https://a.se/'x": '"\'"',
    "https://stockholm.se@example.org/": "användarnamn",
    "https://user:pass@stockholm.se/": "användarnamn",
    "https://xn--80ak6aa92e.com/": "U+0430",
    # "stockholm" with a combining accent, not written in its normal form.
    "https://www.xn--stockholm-iif.se/": "felaktig internationaliserad del",
    "https://stockholm.se/sk\u00e4rholmen": "U+00E4",
    "https://www.st\u043eckholm.se/": "U+043E",
    "https://a.se/%E2%80%AEfdp.exe": "RIGHT-TO-LEFT OVERRIDE",
    "https://a.se/?q=%00": "U+0000",
    "https://a.se/x%2F..%2Fadmin": "snedstreck",
    "https://a.se/%2e%2e/": "punkt",
    "https://a.se/%5Cx": "omvänt snedstreck",
    "https://exa%6dple.org/": "procentkodning i värdnamnet",
    "https://a.se/%zz": "två hexadecimala siffror",
    "http://3232235777/": "inget domännamn",
    "http://192.168.0.1/": "sifferadress",
    "https://localhost/": "inget domännamn",
    "https:///path": "saknar värdnamn",
    "https://a.se:99999/": "går inte att läsa",
}


@pytest.mark.parametrize("address", ACCEPTED)
def test_a_plain_address_is_accepted(address: str) -> None:
    assert address_problem(address) is None


@pytest.mark.parametrize("address", sorted(REFUSED))
def test_an_address_that_misleads_is_refused_saying_why(address: str) -> None:
    problem = address_problem(address)
    assert problem is not None and REFUSED[address] in problem, problem


def test_every_shipped_address_passes() -> None:
    shipped = yaml.safe_load(paths.FOLLOW_UP_FILE.read_text(encoding="utf-8"))["follow_ups"]
    urls = [
        e["source"]["url"]
        for item in shipped
        for e in item.get("entries", [])
        if "url" in e["source"]
    ]
    assert len(urls) == 44 and all(address_problem(url) is None for url in urls)


@pytest.mark.parametrize("address", sorted(REFUSED))
def test_the_file_is_refused_naming_initiative_entry_and_field(
    address: str, tmp_path: Path
) -> None:
    data = yaml.safe_load(RULES_FOLLOW_UP.read_text(encoding="utf-8"))
    data["follow_ups"][1]["entries"][1]["source"]["url"] = address
    path = tmp_path / "follow_up.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_follow_ups(path, [item["initiative"] for item in data["follow_ups"]])
    [problem] = caught.value.problems
    assert problem.file == "follow_up.yaml"
    assert problem.record == "uppföljning för 'kungens-kurva-skarholmen' (nr 2)"
    assert problem.field == "entries[2].source.url"
    assert REFUSED[address] in problem.message
