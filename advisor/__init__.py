"""AWS ML Advisor: an explainable expert system for choosing AWS ML services and algorithms.

The public API, for scripts and other faces::

    from advisor import load_knowledge, Engine
    kb = load_knowledge()
    result = Engine(kb).run({"data_arrival": "streaming"}, "current")

Names are imported on first use, so `import advisor` stays cheap for the command line.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_EXPORTS = {
    "AdvisorError": "advisor.errors",
    "AnswersError": "advisor.errors",
    "Engine": "advisor.engine.engine",
    "Interview": "advisor.interview",
    "KnowledgeBase": "advisor.knowledge",
    "KnowledgeError": "advisor.errors",
    "Result": "advisor.engine.result",
    "load_knowledge": "advisor.knowledge",
}

__all__ = [
    "AdvisorError",
    "AnswersError",
    "Engine",
    "Interview",
    "KnowledgeBase",
    "KnowledgeError",
    "Result",
    "__version__",
    "load_knowledge",
]

if TYPE_CHECKING:
    from advisor.engine.engine import Engine
    from advisor.engine.result import Result
    from advisor.errors import AdvisorError, AnswersError, KnowledgeError
    from advisor.interview import Interview
    from advisor.knowledge import KnowledgeBase, load_knowledge


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module 'advisor' has no attribute '{name}'")
    return getattr(importlib.import_module(_EXPORTS[name]), name)
