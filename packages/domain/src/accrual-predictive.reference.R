# Reference values for the predictive accrual projection in accrual-predictive.ts.
# Run: Rscript packages/domain/src/accrual-predictive.reference.R
# The printed lines are pasted into accrual-predictive.test.ts as they are:
# [centres as c(inclusions, active days, ...), remaining k, shape, rate, q2.5%, q50%, q97.5% in days].
#
# The pooled rate is Gamma(shape, rate) matched to the mean and variance of the sum of the
# centres' Gamma(n_c, T_c) posteriors. The wait W for k more inclusions then satisfies
# W = rate * B / (1 - B) with B ~ Beta(k, shape), which gives its quantiles exactly; the script
# checks them against the negative binomial (pnbinom) and against a simulation of the model.
set.seed(20261129)
cases <- list(
  list(centres = c(12, 180), k = 30),
  list(centres = c(8, 180, 4, 180, 0, 180), k = 30),
  list(centres = c(10, 180, 3, 40, 1, 10), k = 25),
  list(centres = c(1, 180), k = 1),
  list(centres = c(5, 50), k = 10),
  list(centres = c(120, 365, 60, 365, 20, 200), k = 400),
  # far from the target, as a large network is (the load check raises ARTERY-2's target to 100 000)
  list(centres = c(120, 180, 60, 180, 30, 90), k = 99800),
  list(centres = c(3, 180), k = 100000),
  list(centres = c(2000, 365, 900, 365, 15, 30), k = 50000)
)
for (cs in cases) {
  m <- matrix(cs$centres, ncol = 2, byrow = TRUE)
  m <- m[m[, 1] > 0, , drop = FALSE]
  mean <- sum(m[, 1] / m[, 2])
  variance <- sum(m[, 1] / m[, 2]^2)
  shape <- mean^2 / variance
  rate <- mean / variance
  p <- c(0.025, 0.5, 0.975)
  x <- qbeta(p, cs$k, shape)
  q <- rate * x / (1 - x)
  # the same quantiles from the negative binomial: P(N(t) >= k) = p at t = q
  stopifnot(all(abs(pnbinom(cs$k - 1, size = shape, prob = rate / (rate + q), lower.tail = FALSE) - p) < 1e-9))
  # and from simulating the model: a rate from its posterior, then k exponential waits
  lambda <- rgamma(2e5, shape, rate)
  w <- rgamma(2e5, cs$k, lambda)
  stopifnot(all(abs(quantile(w, p) / q - 1) < 0.03))
  cat(sprintf(
    "[[%s], %d, %.15g, %.15g, %.15g, %.15g, %.15g],\n",
    paste(cs$centres, collapse = ", "), cs$k, shape, rate, q[1], q[2], q[3]
  ))
}
