#!/usr/bin/env python3
"""Writes one sentence of N words (default 80000) without punctuation that
names actors, like a scraped table: extraction must stay linear in N."""
import sys

n = int(sys.argv[1]) if len(sys.argv) > 1 else 80000
words = ["Tabelle", "Zeile", "1234", "Wert", "Frankreich", "USA", "und", "der"]
sys.stdout.write(" ".join(words[i % len(words)] for i in range(n)) + "\n")
