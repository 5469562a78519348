# Reference values for clopperPearson() in safety-binomial.ts, from R's exact binomial test.
# Run: Rscript packages/domain/src/safety-binomial.reference.R
# The printed lines are pasted into safety.test.ts as they are (count, total, lower, upper).
for (x in list(c(0, 40), c(3, 40), c(7, 45), c(45, 45), c(1, 1), c(5, 10), c(12, 300), c(3, 5), c(3, 6))) {
  ci <- binom.test(x[1], x[2])$conf.int
  cat(sprintf("[%d, %d, %.15g, %.15g],\n", x[1], x[2], ci[1], ci[2]))
}
