# Reference values for incomplete-beta.ts: R's pbeta at small, large and very unequal shapes, on both
# sides of the mean (where the code switches to the symmetry). Run:
#   Rscript packages/domain/src/incomplete-beta.reference.R
# and paste the printed lines into incomplete-beta.test.ts.
cases <- list(
  c(0.3, 2, 3), c(0.7, 2, 3), c(0.5, 0.5, 0.5), c(0.01, 0.5, 2), c(0.999, 5, 0.7),
  c(0.2, 30, 12), c(0.75, 30, 12), c(0.68, 400, 190.064372243905),
  c(0.998, 99800, 192), c(0.9985, 99800, 192), c(0.9999, 1e5, 3), c(0.99997, 1e5, 3),
  c(0.9637, 50000, 1855.67051834974), c(0.5, 1e6, 1e6), c(0.5005, 1e6, 1e6)
)
for (cs in cases) {
  cat(sprintf("  [%.15g, %.15g, %.15g, %.17g],\n", cs[1], cs[2], cs[3], pbeta(cs[1], cs[2], cs[3])))
}
