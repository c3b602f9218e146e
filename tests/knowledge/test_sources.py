"""Knowledge lint: every `sources` URL under rules/ is the canonical English AWS page.

A colleague must be able to click a source and land on the page that states the fact: https,
docs.aws.amazon.com or aws.amazon.com (or another aws.amazon.com subdomain), no locale segment,
never the China-region host, never the `.md` or `.pdf` copy, and on docs.aws.amazon.com a page
ending in `.html` (an `#anchor` may follow). Parametrized per file, so a failure names the file
and each offending line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from advisor.knowledge.loader import knowledge_files
from advisor.knowledge.yaml_io import Loc, read_yaml
from advisor.resources import rules_dir

RULES = rules_dir()
DOCS_HOST = "docs.aws.amazon.com"
SITE_HOST = "aws.amazon.com"

ALLOWED_ELSEWHERE = {
    # AWS publishes the Neuron SDK documentation (Trainium and Inferentia hardware, Trn1 chip
    # counts, the SDK's frameworks) only on this AWS-run host; no docs.aws.amazon.com or
    # aws.amazon.com page read states these facts.
    "https://awsdocs-neuron.readthedocs-hosted.com/en/latest/general/arch/neuron-hardware/trn1-arch.html",
    "https://awsdocs-neuron.readthedocs-hosted.com/en/latest/general/arch/neuron-hardware/trainium.html",
    "https://awsdocs-neuron.readthedocs-hosted.com/en/v2.26.1/about-neuron/what-is-neuron.html",
}
"""The only sources allowed off the AWS sites, each for the reason in its comment."""

LOCALE = re.compile(r"^[a-z]{2}(?:[_-]|%5f)[a-z]{2}$", re.IGNORECASE)
"""A locale path segment such as ko_kr, en_us, en%5Fus, pt-br."""
SITE_LOCALE = re.compile(r"^[a-z]{2}$")
"""A language prefix on aws.amazon.com (aws.amazon.com/jp/blogs/...)."""


def url_problems(url: str) -> list[str]:
    """Why `url` is not a canonical English AWS page (empty when it is)."""
    if url in ALLOWED_ELSEWHERE:
        return []
    parts = urlsplit(url)
    host = parts.netloc
    if parts.scheme != "https":
        return ["not https (use the https:// page)"]
    if host not in (DOCS_HOST, SITE_HOST) and not host.endswith("." + SITE_HOST):
        return [f"host {host} is not docs.aws.amazon.com or aws.amazon.com (cite the AWS page)"]
    segments = parts.path.split("/")[1:]
    problems = [f"locale segment '{s}' (drop it)" for s in segments if LOCALE.match(s)]
    if host == SITE_HOST and segments and SITE_LOCALE.match(segments[0]):
        problems.append(f"locale prefix '/{segments[0]}/' (drop it)")
    if "" in segments[:-1]:
        problems.append("empty path segment '//' (remove the extra slash)")
    if parts.query:
        problems.append("query string (cite the page without '?...')")
    problems += _page_problems(host, parts.path)
    return problems


def _page_problems(host: str, path: str) -> list[str]:
    if path.endswith(".md"):
        return ["a .md copy (cite the .html page)"]
    if path.endswith(".pdf"):
        return ["a PDF (cite the .html page that states the fact)"]
    if path.endswith("/index.html") or path.startswith("/documentation-overview/"):
        return ["a documentation index (cite the page that states the fact)"]
    if host == DOCS_HOST and not path.endswith(".html"):
        return ["docs.aws.amazon.com page without .html (cite the .html page)"]
    return []


def source_urls(data: object, loc: Loc = ()) -> Iterator[tuple[Loc, object]]:
    """Every item of every `sources` list in a parsed YAML file, with its location."""
    if isinstance(data, dict):
        for key, value in data.items():
            if key == "sources" and isinstance(value, list):
                yield from (((*loc, key, i), item) for i, item in enumerate(value))
            else:
                yield from source_urls(value, (*loc, key))
    elif isinstance(data, list):
        for i, item in enumerate(data):
            yield from source_urls(item, (*loc, i))


def knowledge_file_ids() -> list[str]:
    return [path.relative_to(RULES).as_posix() for path in knowledge_files(RULES)]


@pytest.mark.parametrize("name", knowledge_file_ids())
def test_every_source_is_a_canonical_english_aws_page(name: str) -> None:
    document = read_yaml(RULES / name, display=f"rules/{name}")
    findings = [
        f"rules/{name}:{document.line_of(loc)}: {url}: {problem}"
        for loc, url in source_urls(document.data)
        for problem in (url_problems(url) if isinstance(url, str) else ["not a URL string"])
    ]
    assert not findings, "\n".join(findings)


def test_knowledge_files_are_found() -> None:
    assert len(knowledge_file_ids()) >= 10
    assert all(Path(RULES / name).is_file() for name in knowledge_file_ids())


@pytest.mark.parametrize(
    "url",
    [
        "https://docs.aws.amazon.com/sagemaker/latest/dg/xgboost.html",
        "https://docs.aws.amazon.com/sagemaker/latest/dg/xgboost.html#xgboost-supported-versions",
        "https://aws.amazon.com/blogs/machine-learning/some-post/",
        "https://aws.amazon.com/lookout-for-vision/faqs/",
    ],
)
def test_canonical_pages_pass(url: str) -> None:
    assert url_problems(url) == []


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("http://docs.aws.amazon.com/sagemaker/latest/dg/xgboost.html", "not https"),
        ("https://docs.amazonaws.cn/sagemaker/latest/dg/xgboost.html", "host docs.amazonaws.cn"),
        ("https://docs.aws.amazon.com/ko_kr/sagemaker/latest/dg/xgboost.html", "locale segment 'ko_kr'"),
        ("https://docs.amazonaws.cn/en%5Fus/sagemaker/latest/dg/a.html", "host"),
        ("https://docs.aws.amazon.com/en%5Fus/sagemaker/latest/dg/a.html", "locale segment 'en%5Fus'"),
        ("https://aws.amazon.com/jp/blogs/iot/a-post/", "locale prefix '/jp/'"),
        ("https://docs.aws.amazon.com/sagemaker/latest/dg/xgboost.md", "a .md copy"),
        ("https://docs.aws.amazon.com/dynamodb/latest/developerguide/dynamodb-dg.pdf", "a PDF"),
        ("https://docs.aws.amazon.com/sagemaker/latest/dg/incremental-training", "without .html"),
        ("https://docs.aws.amazon.com/translate/", "without .html"),
        ("https://docs.aws.amazon.com/comprehend/index.html", "documentation index"),
        ("https://aws.amazon.com/documentation-overview/kms", "documentation index"),
        ("https://docs.aws.amazon.com/lambda/latest/dg//API_Invoke.html", "empty path segment"),
        ("https://docs.aws.amazon.com/lambda/latest/dg/API_Invoke?icmpid=x", "query string"),
        ("https://github.com/awsdocs/amazon-sagemaker-developer-guide/blob/master/a.md", "host github.com"),
        ("https://repost.aws/questions/QU1", "host repost.aws"),
    ],
)
def test_non_canonical_pages_are_named(url: str, problem: str) -> None:
    assert any(problem in found for found in url_problems(url)), url_problems(url)


def test_findings_point_at_the_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("nodes:\n  - id: x\n    sources:\n      - https://docs.aws.amazon.com/a/b.md\n")
    document = read_yaml(bad)
    [(loc, url)] = list(source_urls(document.data))
    assert document.line_of(loc) == 4
    assert url_problems(str(url)) == ["a .md copy (cite the .html page)"]
