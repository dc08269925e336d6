"""glossary: extract, review and enforce English-Chinese terminology from aligned text.

The library is usable from Python; heavy modules (spaCy, jieba) load only when used.
"""

__version__ = "0.1.0"
TOOL = f"glossary-cli {__version__}"


def extract(*args, **kwargs):
    """See `glossary_cli.extract.extract`."""
    from .extract import extract as run

    return run(*args, **kwargs)


def check(*args, **kwargs):
    """See `glossary_cli.check.run_check`."""
    from .check import run_check

    return run_check(*args, **kwargs)
