"""The Korean language layer every stage shares: Kiwi sentences and morphemes, values, dates and the words that
mark a budget's stage. Ingest reads articles with it; the graph indexes with the same morphemes; the bot reads
questions with it."""
