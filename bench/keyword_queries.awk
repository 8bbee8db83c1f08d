# Short keyword queries drawn from real text, as users type them: for every
# paragraph picked (deterministic for a seed), 2 to 4 consecutive words of it.
# Usage: awk -v seed=42 -v every=40 -f keyword_queries.awk FILE...
# (every: pick about one paragraph in `every`). Title lines are skipped.
BEGIN { srand(seed ? seed : 42); if (!every) every = 40 }
FNR == 1 { next }
NF >= 4 && rand() < 1 / every {
  n = 2 + int(rand() * 3)
  if (n > NF) n = NF
  start = 1 + int(rand() * (NF - n + 1))
  q = $start
  for (i = start + 1; i < start + n; i++) q = q " " $i
  # Punctuation, ASCII and Arabic (each Arabic mark as a whole byte sequence:
  # a bracket expression would cut UTF-8 apart in a byte-oriented awk).
  gsub(/[.,:;()"!?]/, "", q)
  gsub(/،|؛|؟|«|»/, "", q)
  if (q ~ /[^ ]/) print q
}
