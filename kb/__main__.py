"""python -m kb"""
from .cli import main

main()
