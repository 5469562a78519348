# Reference values for @trialdesk/analysis, computed by R's survival package itself.
#
# Run from the repository root:
#   Rscript packages/analysis/test/r/make-reference.R
# It rewrites packages/analysis/test/fixtures/r-reference.json, with the JSON writer in json.R.

suppressPackageStartupMessages(library(survival))

out_file <- "packages/analysis/test/fixtures/r-reference.json"

source("packages/analysis/test/r/json.R")

# ---- Kaplan-Meier datasets -----------------------------------------------------------------
ds <- function(time, event) list(time = as.numeric(time), event = as.logical(event))

set.seed(20240611)
rand_n <- 400
rand_time <- round(rexp(rand_n, 1 / 12), 1) # rounded to 0.1 so that ties are common
rand_event <- runif(rand_n) < 0.7

datasets <- list(
  aml = ds(aml$time, aml$status == 1),
  lung = ds(lung$time, lung$status == 2),
  # several events at one time, and censorings at event times (still at risk there)
  ties = ds(
    c(1, 1, 1, 2, 2, 3, 3, 3, 3, 4, 5, 5, 6, 6, 6, 8),
    c(1, 1, 0, 1, 0, 1, 1, 0, 0, 1, 0, 1, 1, 0, 1, 0)
  ),
  # the last observations are censored: the curve never reaches 0.5, so the median is NA
  censored_tail = ds(c(2, 3, 4, 5, 6, 7, 8, 9, 10, 11), c(1, 0, 1, 0, 0, 0, 0, 0, 0, 0)),
  # median exists but the upper confidence curve never reaches 0.5
  upper_na = ds(c(1, 2, 3, 4, 5, 6, 7, 8), c(1, 1, 1, 1, 1, 0, 0, 0)),
  # the last observation is an event: the curve reaches 0
  reaches_zero = ds(c(1, 2, 2, 3, 4, 5), c(0, 1, 0, 1, 1, 1)),
  # S(t) is exactly 0.5 on [3, 5): quantile.survfit takes the midpoint, 4
  half_flat = ds(c(1, 2, 3, 4, 5, 6), c(1, 1, 1, 0, 1, 0)),
  # S(t) is exactly 0.5 from t = 2 to the last (censored) time 4: quantile.survfit gives (2 + 4) / 2
  half_flat_to_end = ds(c(1, 2, 3, 4), c(1, 1, 0, 0)),
  single_event = ds(5, 1),
  single_censored = ds(5, 0),
  pair = ds(c(3, 7), c(1, 0)),
  pair_tied_events = ds(c(4, 4), c(1, 1)),
  all_censored = ds(c(2, 4, 4, 9), c(0, 0, 0, 0)),
  # events and a censoring at time 0: survfit0 inserts no extra row at 0
  time_zero = ds(c(0, 0, 0, 1, 2, 2, 5, 8), c(1, 0, 1, 1, 1, 0, 1, 0)),
  # times that differ only by rounding error are one time in R (aeqSurv, timefix = TRUE)
  near_ties = ds(
    c(0.1 + 0.2, 0.3, 0.5, 1 / 3, 0.3333333333333333 + 1e-12, 0.7, 0.9, 0.9 + 5e-15, 1.4),
    c(1, 1, 0, 1, 0, 1, 1, 0, 1)
  ),
  random_ties = ds(rand_time, rand_event)
)

conf_settings <- list(
  list(type = "log", level = 0.95),
  list(type = "log-log", level = 0.95),
  list(type = "plain", level = 0.95),
  list(type = "log", level = 0.9),
  list(type = "log-log", level = 0.9),
  list(type = "plain", level = 0.9),
  list(type = "log-log", level = 0.99)
)

# 0, some observed times, some points between observed times, and one point past the end
probe_times <- function(time) {
  ut <- sort(unique(time))
  pick <- function(v, k) if (length(v) <= k) v else v[unique(round(seq(1, length(v), length.out = k)))]
  mids <- if (length(ut) > 1) (ut[-1] + ut[-length(ut)]) / 2 else numeric(0)
  sort(unique(c(0, pick(ut, 6), pick(mids, 5), max(ut) + 1)))
}

km_fit_json <- function(d, setting, at) {
  fit <- survfit(Surv(d$time, d$event) ~ 1, conf.type = setting$type, conf.int = setting$level)
  s <- summary(fit, censored = TRUE)
  q <- quantile(fit, probs = 0.5)
  a <- summary(fit, times = at, extend = TRUE)
  obj(
    confType = str1(setting$type),
    confLevel = num(setting$level),
    steps = obj(
      time = arr(s$time), nRisk = arr(s$n.risk), nEvent = arr(s$n.event), nCensor = arr(s$n.censor),
      surv = arr(s$surv), stdErr = arr(s$std.err), lower = arr(s$lower), upper = arr(s$upper)
    ),
    median = obj(estimate = num(q$quantile), lower = num(q$lower), upper = num(q$upper)),
    at = obj(
      time = arr(a$time), nRisk = arr(a$n.risk), surv = arr(a$surv), stdErr = arr(a$std.err),
      lower = arr(a$lower), upper = arr(a$upper)
    )
  )
}

km_json <- mapply(function(name, d) {
  at <- probe_times(d$time)
  fits <- vapply(conf_settings, function(st) km_fit_json(d, st, at), "")
  obj(
    name = str1(name),
    data = obj(time = arr(d$time), event = bools(d$event)),
    atTimes = arr(at),
    fits = list_of(fits)
  )
}, names(datasets), datasets)

# ---- log-rank (survdiff, rho = 0) ----------------------------------------------------------
# Each set is a list of groups in the order R reports them (factor levels).
lr <- function(time, event, group) {
  group <- factor(group)
  lapply(levels(group), function(g) ds(time[group == g], event[group == g]))
}
ecog <- lung[!is.na(lung$ph.ecog) & lung$ph.ecog %in% 0:2, ]

logrank_sets <- list(
  aml_by_x = lr(aml$time, aml$status == 1, aml$x),
  lung_by_sex = lr(lung$time, lung$status == 2, lung$sex),
  lung_by_ecog = lr(ecog$time, ecog$status == 2, ecog$ph.ecog),
  three_groups_ties = list(
    ds(c(1, 2, 2, 3, 5, 5, 8, 9), c(1, 1, 0, 1, 1, 1, 0, 1)),
    ds(c(2, 2, 3, 4, 6, 6, 7), c(1, 1, 0, 1, 0, 1, 1)),
    ds(c(1, 3, 3, 5, 10, 12), c(0, 1, 1, 0, 1, 0))
  ),
  # the third group leaves (censored) before the first event: its expected count is 0,
  # so it does not count towards the degrees of freedom
  zero_expected_group = list(
    ds(c(2, 3, 5, 7, 9), c(1, 1, 0, 1, 1)),
    ds(c(2, 4, 6, 8), c(0, 1, 1, 0)),
    ds(c(0.5, 1), c(0, 0))
  ),
  random_four_groups = lr(rand_time, rand_event, rep(c("a", "b", "c", "d"), length.out = rand_n))
)

lr_json <- mapply(function(name, groups) {
  time <- unlist(lapply(groups, `[[`, "time"))
  event <- unlist(lapply(groups, `[[`, "event"))
  group <- factor(rep(seq_along(groups), vapply(groups, function(g) length(g$time), 0L)))
  sd <- survdiff(Surv(time, event) ~ group)
  df <- sum(sd$exp > 0) - 1
  obj(
    name = str1(name),
    groups = list_of(vapply(groups, function(g) obj(time = arr(g$time), event = bools(g$event)), "")),
    chiSquare = num(sd$chisq),
    df = num(df),
    pValue = num(pchisq(sd$chisq, df, lower.tail = FALSE)),
    observed = arr(sd$obs),
    expected = arr(sd$exp)
  )
}, names(logrank_sets), logrank_sets)

# ---- distribution functions used internally ------------------------------------------------
pchisq_grid <- expand.grid(
  q = c(1e-4, 0.01, 0.5, 1, 2, 3.841458820694124, 5.991464547107979, 7.5, 11.0705, 20, 45, 100, 400),
  df = c(0.5, 1, 2, 3, 4, 5, 7, 10, 25, 60)
)
pchisq_json <- sprintf(
  "{\"q\":%s,\"df\":%s,\"upper\":%s}",
  num(pchisq_grid$q), num(pchisq_grid$df), num(pchisq(pchisq_grid$q, pchisq_grid$df, lower.tail = FALSE))
)
qnorm_p <- c(1e-12, 1e-6, 0.001, 0.01, 0.025, 0.05, 0.1, 0.3, 0.5, 0.7, 0.9, 0.95, 0.975, 0.995, 0.9995, 0.999999)
qnorm_json <- sprintf("{\"p\":%s,\"q\":%s}", num(qnorm_p), num(qnorm(qnorm_p)))

json <- paste0(
  "{\n",
  "\"generatedBy\":", str1("packages/analysis/test/r/make-reference.R"), ",\n",
  "\"rVersion\":", str1(paste(R.version$major, R.version$minor, sep = ".")), ",\n",
  "\"survivalVersion\":", str1(as.character(packageVersion("survival"))), ",\n",
  "\"kaplanMeier\":", list_of(km_json), ",\n",
  "\"logRank\":", list_of(lr_json), ",\n",
  "\"pchisqUpper\":", list_of(pchisq_json), ",\n",
  "\"qnorm\":", list_of(qnorm_json), "\n",
  "}\n"
)
dir.create(dirname(out_file), showWarnings = FALSE, recursive = TRUE)
writeLines(json, out_file, sep = "")
cat("wrote", out_file, "\n")
