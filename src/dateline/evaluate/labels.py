"""Single-label classification scores: accuracy, per-label F1, and macro and weighted F1.

The averages follow scikit-learn's definitions: macro F1 is the mean over every
label seen in gold or predictions; weighted F1 weighs each label's F1 by its
gold support.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class LabelScores:
    n: int
    accuracy: float
    macro_f1: float
    weighted_f1: float
    per_label: dict[str, dict[str, float | int]]

    def to_dict(self) -> dict[str, Any]:
        return {
            "n": self.n,
            "accuracy": round(self.accuracy, 4),
            "macro_f1": round(self.macro_f1, 4),
            "weighted_f1": round(self.weighted_f1, 4),
            "per_label": self.per_label,
        }


def score_labels(gold: Sequence[str], predicted: Sequence[str]) -> LabelScores:
    """Scores of ``predicted`` against ``gold`` (equal lengths, one label per item)."""
    if len(gold) != len(predicted):
        raise ValueError(f"{len(gold)} gold labels but {len(predicted)} predictions")
    if not gold:
        return LabelScores(0, 0.0, 0.0, 0.0, {})
    support = Counter(gold)
    guessed = Counter(predicted)
    correct = Counter(g for g, p in zip(gold, predicted, strict=True) if g == p)
    per_label: dict[str, dict[str, float | int]] = {}
    for label in sorted(support.keys() | guessed.keys()):
        precision = correct[label] / guessed[label] if guessed[label] else 0.0
        recall = correct[label] / support[label] if support[label] else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per_label[label] = {
            "precision": round(precision, 4),
            "recall": round(recall, 4),
            "f1": round(f1, 4),
            "support": support[label],
        }
    f1s = {label: float(row["f1"]) for label, row in per_label.items()}
    return LabelScores(
        n=len(gold),
        accuracy=sum(correct.values()) / len(gold),
        macro_f1=sum(f1s.values()) / len(f1s),
        weighted_f1=sum(f1s[label] * count for label, count in support.items()) / len(gold),
        per_label=per_label,
    )
