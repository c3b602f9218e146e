"""Ship the top-level rules/ and scenarios/ folders inside the wheel as advisor/_data/."""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

DATA_FOLDERS = ("rules", "scenarios")


class BuildWithKnowledge(build_py):
    """Copy the knowledge and scenario folders next to the built package."""

    def run(self) -> None:
        super().run()
        for name in DATA_FOLDERS:
            target = Path(self.build_lib, "advisor", "_data", name)
            if target.exists():
                shutil.rmtree(target)
            shutil.copytree(name, target, ignore=shutil.ignore_patterns("__pycache__"))


setup(cmdclass={"build_py": BuildWithKnowledge})
