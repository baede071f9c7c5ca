"""corroborate: turn overlapping news reports into stories with cited, corroborated briefs."""

from .model import Article, Claim, Mention, Sentence, Story, TimeExpr, content_id

__version__ = "0.1.0"
__all__ = ["Article", "Claim", "Mention", "Sentence", "Story", "TimeExpr", "content_id", "__version__"]
