"""Knowledge lint: every rule's reason speaks of its own conclusion.

A rule that recommends (with any weight) or excludes a named node must say why about THAT node,
not repeat a sentence written for another one (the F1 recommendation once carried the AUC
sentence). The check, precisely: the rule's `title` or `because` (placeholders removed, case
ignored) mentions each such node by

- its name, the name without its parenthesised part, the parenthesised part, or one of its
  aliases, as whole words (punctuation counts as a space, singular and plural alike); or
- a distinctive word of its id: a word, compared after stripping common suffixes (so
  "tokenization" matches "tokenize"), that no other node competing with it (sharing one of its
  stages) has in its id. In the threshold decision "threshold" names every candidate and proves
  nothing; "lower" singles one out; "accuracy" does not tell accuracy from balanced accuracy.

`{node}` actions of `for_each` rules are exempt: their text renders the bound node's own name.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from functools import cache

import pytest

from advisor.knowledge import KnowledgeBase, load_knowledge
from advisor.knowledge.models import Node, Rule

DISTINCTIVE_MAX_NODES = 1
"""A word in the ids of more nodes of a stage than this (the node itself included) does not
single one out."""

SUFFIXES = ("ations", "ation", "ions", "ion", "ings", "ing", "ies", "ed", "es", "e", "s")

ALLOWED: dict[str, dict[str, str]] = {}
"""rule id -> node id -> why its reason may speak of the node only in general terms."""

_PLACEHOLDER = re.compile(r"\{[^{}]*\}")
_PARENTHESISED = re.compile(r"\([^()]*\)")
_WORD = re.compile(r"[a-z0-9]+")


def stem(word: str) -> str:
    """`imputation` and `impute` -> `imput`; `oversampling` and `oversample` -> `oversampl`."""
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def node_words(node: Node) -> set[str]:
    """Stemmed words of a node's id (`metric_f1` -> metric, f1)."""
    return {stem(word) for word in node.id.split("_")}


@cache
def _stage_word_counts(kb: KnowledgeBase) -> dict[str, Counter[str]]:
    """Per stage: in how many of its nodes' ids each word occurs."""
    counts: dict[str, Counter[str]] = {}
    for node in kb.nodes.values():
        for stage in node.stages:
            counts.setdefault(stage, Counter()).update(node_words(node))
    return counts


def distinctive_words(kb: KnowledgeBase, node: Node) -> set[str]:
    counts = _stage_word_counts(kb)
    return {
        word
        for word in node_words(node)
        if max(counts[stage][word] for stage in node.stages) <= DISTINCTIVE_MAX_NODES
    }


def reason_text(rule: Rule) -> str:
    return _normalised(_PLACEHOLDER.sub(" ", f"{rule.title} {rule.because}"))


def _normalised(text: str) -> str:
    """Lower case, every run of punctuation and spaces one space: "Sequence-to-Sequence" reads
    as "sequence to sequence"."""
    return " ".join(_WORD.findall(text.lower()))


def _has_phrase(text: str, phrase: str) -> bool:
    """Whole words, singular or plural: "Kinesis Data Streams" matches "a Kinesis data stream"."""
    words = _normalised(phrase)
    singular = words[:-1] if words.endswith("s") and len(words) > 3 else words
    pattern = rf"(?<![a-z0-9]){re.escape(singular)}(?:e?s)?(?![a-z0-9])"
    return bool(words) and re.search(pattern, text) is not None


def node_phrases(node: Node) -> list[str]:
    """The name, the name without and the part within parentheses, and the aliases."""
    inside = [match.strip("()") for match in _PARENTHESISED.findall(node.name)]
    return [node.name, _PARENTHESISED.sub(" ", node.name), *inside, *node.aliases]


def mentions(kb: KnowledgeBase, text: str, node: Node) -> bool:
    """Does the (normalised) reason speak of this node by name, alias or a distinctive word?"""
    if any(_has_phrase(text, phrase) for phrase in node_phrases(node)):
        return True
    text_stems = {stem(word) for word in text.split()}
    return bool(distinctive_words(kb, node) & text_stems)


def concluded_nodes(rule: Rule) -> Iterator[str]:
    """The named nodes a rule recommends or excludes (not `{node}`)."""
    for action in rule.then:
        target = getattr(action, "recommend", None) or getattr(action, "exclude", None)
        if target and target != "{node}":
            yield target


def unmentioned(kb: KnowledgeBase, rule: Rule) -> list[str]:
    """The nodes a rule concludes about whose reason does not speak of them."""
    text = reason_text(rule)
    allowed = ALLOWED.get(rule.id, {})
    return [
        node_id
        for node_id in dict.fromkeys(concluded_nodes(rule))
        if node_id not in allowed and not mentions(kb, text, kb.nodes[node_id])
    ]


SHIPPED = load_knowledge(use_cache=False)


@pytest.mark.parametrize("rule_id", sorted(SHIPPED.rules))
def test_reason_speaks_of_each_concluded_node(rule_id: str) -> None:
    rule = SHIPPED.rules[rule_id]
    missing = unmentioned(SHIPPED, rule)
    assert not missing, (
        f"{rule_id}: title/because never mention {', '.join(missing)} "
        "(say why this rule concludes about it, by name, alias or a distinctive word)"
    )


def test_allowlist_names_real_rules_and_nodes() -> None:
    for rule_id, nodes in ALLOWED.items():
        assert rule_id in SHIPPED.rules, rule_id
        assert set(nodes) <= set(concluded_nodes(SHIPPED.rules[rule_id])), rule_id


def _with_reason(rule: Rule, because: str, title: str = "A reason") -> Rule:
    return replace(rule, because=because, title=title)


def test_a_reason_copied_from_another_nodes_rule_is_caught() -> None:
    """F1 recommended with the AUC sentence, a lower threshold with the higher one's reason."""
    auc_sentence = (
        "AUC measures how well positives are scored above negatives across all thresholds, so it "
        "compares models before a cut-off is chosen (0.5 is random, 1 perfect)."
    )
    f1_rule = _with_reason(_rule_recommending("metric_f1"), auc_sentence)
    assert unmentioned(SHIPPED, f1_rule) == ["metric_f1"]
    auc_rule = _with_reason(_rule_recommending("metric_auc_roc"), auc_sentence)
    assert unmentioned(SHIPPED, auc_rule) == []
    higher_reason = "A higher cut-off captures fewer false positives at the price of missing true positives."
    lower_rule = _with_reason(_rule_recommending("lower_decision_threshold"), higher_reason)
    assert unmentioned(SHIPPED, lower_rule) == ["lower_decision_threshold"]


def test_shared_words_do_not_count_as_a_mention() -> None:
    """Words that other candidates of the same stage share single out none of them."""
    lower = SHIPPED.nodes["lower_decision_threshold"]
    assert "threshold" not in distinctive_words(SHIPPED, lower)
    assert "lower" in distinctive_words(SHIPPED, lower)
    assert "metric" not in distinctive_words(SHIPPED, SHIPPED.nodes["metric_precision"])
    assert "accuracy" not in distinctive_words(SHIPPED, SHIPPED.nodes["metric_balanced_accuracy"])


def test_a_word_form_of_the_node_counts_as_a_mention() -> None:
    rule = _with_reason(_rule_recommending("tokenization"), "Tokenize every comment first.")
    assert unmentioned(SHIPPED, rule) == []


def _rule_recommending(node_id: str) -> Rule:
    """A shipped rule rewritten to recommend only `node_id`."""
    template = SHIPPED.rules["EVA-001"]
    action = replace(template.then[0], recommend=node_id)
    return replace(template, then=[action])
