# What the committee pages add to the Kaplan-Meier read-outs, computed by R's survival package from the
# demo cohort's pairs that dump-demo-endpoints.ts wrote (demo-endpoints.csv, demo-competing.csv):
# - median follow-up: reverse Kaplan-Meier of overall survival, quantile(survfit(Surv(time, 1 - event)));
# - hazard ratios by centre, reference the largest centre: coxph(Surv(time, event) ~ centre), Efron ties;
# - the cumulative incidence of hepatic recurrence (1) and death without it (2): survfit(Surv(time,
#   factor(cause))) (Aalen-Johansen), at every time and at 1, 2, 3 and 5 years.
# Run from the repository root:
#   Rscript packages/api/src/reports/r-reference/make-committee-demo-reference.R
# It writes demo-committee-r-values.json next to this script (numbers with %.17g, NA as null).
suppressPackageStartupMessages(library(survival))
dir <- "packages/api/src/reports/r-reference"
d <- read.csv(file.path(dir, "demo-endpoints.csv"))
cr <- read.csv(file.path(dir, "demo-competing.csv"))
num <- function(x) ifelse(is.na(x), "null", sprintf("%.17g", x))
arr <- function(x) paste0("[", paste(num(x), collapse = ","), "]")
str <- function(x) paste0("[", paste0('"', x, '"', collapse = ","), "]")

os <- d[d$endpoint == "os", ]
fu <- quantile(survfit(Surv(time, 1 - event) ~ 1, data = os, conf.type = "log"), probs = 0.5)
out <- sprintf('"followUp":{"n":%d,"median":%s,"lower":%s,"upper":%s}', nrow(os), num(fu$quantile),
               num(fu$lower), num(fu$upper))

for (ep in c("hdfs", "dfs", "os")) {
  s <- d[d$endpoint == ep, ]
  # which.max takes the first of equal counts, and table() sorts the codes: the first in sorted order.
  largest <- names(which.max(table(s$centre)))
  s$centre <- relevel(factor(s$centre), ref = largest)
  fit <- coxph(Surv(time, event) ~ centre, data = s, ties = "efron")
  ci <- exp(confint(fit))
  lr <- 2 * diff(fit$loglik)
  out <- c(out, sprintf(
    '"cox_%s":{"reference":"%s","centres":%s,"hazardRatio":%s,"lower":%s,"upper":%s,"lrChiSquare":%s,"df":%d,"pValue":%s}',
    ep, largest, str(sub("^centre", "", names(coef(fit)))), arr(exp(coef(fit))), arr(ci[, 1]), arr(ci[, 2]),
    num(lr), length(coef(fit)), num(pchisq(lr, length(coef(fit)), lower.tail = FALSE))
  ))
}

aj <- survfit(Surv(time, factor(cause, levels = 0:2)) ~ 1, data = cr)
states <- aj$states
k1 <- which(states == "1")
k2 <- which(states == "2")
lm <- summary(aj, times = c(12, 24, 36, 60), extend = TRUE)
out <- c(out, sprintf(
  paste0('"incidence":{"n":%d,"time":%s,"atRisk":%s,"recurrence":%s,"recurrenceStdErr":%s,"death":%s,',
         '"deathStdErr":%s,"landmarkRecurrence":%s,"landmarkDeath":%s,"hepaticRecurrences":%d,"competingDeaths":%d}'),
  nrow(cr), arr(aj$time), arr(aj$n.risk[, 1]), arr(aj$pstate[, k1]), arr(aj$std.err[, k1]),
  arr(aj$pstate[, k2]), arr(aj$std.err[, k2]), arr(lm$pstate[, k1]), arr(lm$pstate[, k2]),
  sum(cr$cause == 1), sum(cr$cause == 2)
))

meta <- sprintf('"rVersion":"%s","survivalVersion":"%s"', paste(R.version$major, R.version$minor, sep = "."),
                as.character(packageVersion("survival")))
writeLines(paste0("{", meta, ",\n", paste(out, collapse = ",\n"), "}"),
           file.path(dir, "demo-committee-r-values.json"))
