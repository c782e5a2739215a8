"""Thin entry point: ``python app.py`` indexes corpus/ if needed and serves the chat."""

import sys

from qa_bot.cli import main

if __name__ == "__main__":
    sys.exit(main(["serve", *sys.argv[1:]]))
