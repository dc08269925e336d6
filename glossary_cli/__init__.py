"""glossary: extract, review and enforce English-Chinese terminology from aligned text.

The library is usable from Python; heavy modules (spaCy, jieba) load only when used:

    from glossary_cli import extract, check
    result = extract(pairs)             # glossary_cli.extract.extract
    report = check(glossary, pairs)     # glossary_cli.check.run_check
"""

import sys
import types

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


class _CallableModule(types.ModuleType):
    """A submodule named as the library function in front of it (`glossary_cli.extract`). Importing
    the submodule sets the package's attribute to the module, which replaced the function: a second
    `glossary_cli.extract(pairs)` in one process raised "'module' object is not callable". The
    module is made callable as that function, so either is what the name promises."""

    def __call__(self, *args, **kwargs):
        return self.__dict__["_CALLED_AS"](*args, **kwargs)


def _callable_as(module_name: str, function) -> None:
    """Make the submodule `module_name` callable as `function` (see _CallableModule)."""
    module = sys.modules[module_name]
    module._CALLED_AS = function
    module.__class__ = _CallableModule
