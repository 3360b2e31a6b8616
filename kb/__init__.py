"""kb: a press-release knowledge base for people who check facts."""

__version__ = "0.1.0"
__all__ = ["__version__"]
