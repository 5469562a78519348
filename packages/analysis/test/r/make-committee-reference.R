# Reference values for medianFollowUp, cumulativeIncidence and coxPh in @trialdesk/analysis,
# computed by R's survival package itself (issue 15, the committee's statistics).
#
# Run from the repository root:
#   Rscript packages/analysis/test/r/make-committee-reference.R
# It rewrites packages/analysis/test/fixtures/r-committee-reference.json, with the JSON writer in
# json.R. Datasets are R's own (lung, veteran, mgus2, aml), small hand-made ones for the edge
# cases, and data R generates from a fixed seed, rounded so that ties are common.

suppressPackageStartupMessages(library(survival))
# R's factor() sorts its levels with the locale's collation; coxPh sorts by code point, as R
# does in the C locale, so the default reference group is the same on every machine.
invisible(Sys.setlocale("LC_COLLATE", "C"))

out_file <- "packages/analysis/test/fixtures/r-committee-reference.json"

source("packages/analysis/test/r/json.R")

# Cox confidence limits can be 0 or Inf for a coefficient that runs off to -Inf or +Inf. JSON has
# no spelling for Inf; 1e999 is a valid JSON number that JavaScript's JSON.parse reads as Infinity.
num_inf <- function(x) {
  ifelse(is.na(x), "null", ifelse(is.infinite(x), ifelse(x > 0, "1e999", "-1e999"), sprintf("%.17g", x)))
}
arr_inf <- function(x) paste0("[", paste(num_inf(x), collapse = ","), "]")
strs <- function(x) paste0("[", paste(str1(x), collapse = ","), "]")
# A group column as JSON: numbers stay numbers (R sorts them numerically), the rest are strings.
groups_json <- function(g) if (is.numeric(g)) arr(g) else strs(as.character(g))
group1_json <- function(g) if (is.numeric(g)) num(g) else str1(as.character(g))

set.seed(20261129)

# ---- median follow-up: reverse Kaplan-Meier ------------------------------------------------
ds <- function(time, event) list(time = as.numeric(time), event = as.logical(event))

rand_n <- 300
rand_fu <- ds(round(runif(rand_n, 0, 60)), runif(rand_n) < 0.35) # whole months: many ties

followup_sets <- list(
  lung = ds(lung$time, lung$status == 2),
  veteran = ds(veteran$time, veteran$status == 1),
  mgus2 = ds(mgus2$futime, mgus2$death == 1),
  aml = ds(aml$time, aml$status == 1),
  # events and censorings at the same times
  ties = ds(c(1, 1, 2, 2, 2, 3, 4, 4, 5, 6, 6, 7), c(1, 0, 0, 0, 1, 0, 1, 0, 0, 1, 0, 0)),
  random_ties = rand_fu,
  # nobody censored: the reverse curve stays at 1, so there is no median follow-up
  all_events = ds(c(2, 3, 5, 8), c(1, 1, 1, 1)),
  # everybody censored: the median follow-up is the ordinary median of the times
  all_censored = ds(c(2, 3, 5, 8, 13), c(0, 0, 0, 0, 0)),
  # the reverse curve is exactly 0.5 on [2, 4): quantile.survfit takes the midpoint
  half_flat = ds(c(1, 2, 3, 4), c(0, 0, 1, 0)),
  # censored at time 0 (withdrawn on the day of inclusion)
  time_zero = ds(c(0, 0, 1, 2, 3, 3, 5), c(0, 1, 0, 1, 0, 0, 1)),
  single_censored = ds(4, 0),
  single_event = ds(4, 1)
)

followup_conf <- list(
  list(type = "log", level = 0.95),
  list(type = "log-log", level = 0.95),
  list(type = "plain", level = 0.95),
  list(type = "log", level = 0.9)
)

followup_json <- mapply(function(name, d) {
  fits <- vapply(followup_conf, function(st) {
    fit <- survfit(Surv(d$time, 1 - d$event) ~ 1, conf.type = st$type, conf.int = st$level)
    q <- quantile(fit, probs = 0.5)
    obj(
      confType = str1(st$type), confLevel = num(st$level),
      estimate = num(q$quantile), lower = num(q$lower), upper = num(q$upper)
    )
  }, "")
  obj(name = str1(name), data = obj(time = arr(d$time), event = bools(d$event)), fits = list_of(fits))
}, names(followup_sets), followup_sets)

# ---- cumulative incidence: Aalen-Johansen, survfit(Surv(time, factor(cause)) ~ 1) ---------
# cause 0 is censored. The factor always has levels 0..K, so that 0 is the censoring level even
# when nobody is censored, and a cause that never occurs still has its (zero) column.
cr <- function(time, cause, causes = max(cause)) list(time = as.numeric(time), cause = as.integer(cause), causes = causes)

mgus_etime <- with(mgus2, ifelse(pstat == 0, futime, ptime))
mgus_cause <- with(mgus2, ifelse(pstat == 0, 2 * death, 1)) # 1 progression, 2 death first

rand_ci_n <- 250
rand_ci <- cr(round(rexp(rand_ci_n, 1 / 20)), sample(0:2, rand_ci_n, replace = TRUE, prob = c(0.3, 0.4, 0.3)))

incidence_sets <- list(
  # progression to a plasma cell malignancy with death as the competing event (survival's vignette)
  mgus2 = cr(mgus_etime, mgus_cause),
  # lung and veteran have one kind of death: they are split into causes here only to have
  # R-shipped data with ties for the check (by sex; by cell type)
  lung_by_sex = cr(lung$time, ifelse(lung$status == 2, lung$sex, 0)),
  veteran_by_celltype = cr(
    veteran$time,
    ifelse(veteran$status == 1, c(squamous = 1, smallcell = 2, adeno = 3, large = 3)[as.character(veteran$celltype)], 0)
  ),
  # one cause: the incidence is 1 - Kaplan-Meier
  aml_one_cause = cr(aml$time, aml$status),
  ties = cr(c(1, 1, 1, 2, 2, 3, 3, 3, 4, 5, 5, 6, 7, 7), c(1, 2, 0, 1, 0, 2, 2, 1, 0, 1, 0, 2, 0, 1)),
  random_ties = rand_ci,
  all_censored = cr(c(1, 2, 3), c(0, 0, 0), causes = 2),
  all_events_one_time = cr(c(5, 5, 5, 5, 5), c(1, 2, 1, 1, 2)),
  no_censoring = cr(c(1, 2, 2, 4, 6), c(2, 1, 2, 1, 1)),
  # cause 1 never happens: its incidence stays 0
  only_cause_two = cr(c(1, 2, 3, 4), c(2, 0, 2, 0)),
  time_zero = cr(c(0, 0, 1, 2), c(1, 0, 2, 1)),
  near_ties = cr(c(0.1 + 0.2, 0.3, 0.5, 1 / 3, 0.3333333333333333 + 1e-12, 0.7, 0.9), c(1, 2, 0, 1, 2, 0, 1))
)

incidence_json <- mapply(function(name, d) {
  fit <- survfit(Surv(d$time, factor(d$cause, levels = 0:d$causes)) ~ 1)
  cols <- match(as.character(seq_len(d$causes)), fit$states)
  if (anyNA(cols) || fit$states[1] != "(s0)") stop("unexpected states in ", name)
  obj(
    name = str1(name),
    data = obj(time = arr(d$time), cause = arr(d$cause)),
    causes = num(d$causes),
    steps = obj(
      time = arr(fit$time),
      nRisk = arr(fit$n.risk[, 1]),
      incidence = list_of(vapply(cols, function(k) arr(fit$pstate[, k]), "")),
      stdErr = list_of(vapply(cols, function(k) arr(fit$std.err[, k]), ""))
    )
  )
}, names(incidence_sets), incidence_sets)

# ---- Cox proportional hazards: coxph(Surv(time, event) ~ factor(group)) -------------------
cx <- function(time, event, group) list(time = as.numeric(time), event = as.logical(event), group = group)

ecog <- lung[!is.na(lung$ph.ecog), ]
rand_cox_n <- 240
rand_cox <- cx(
  round(rexp(rand_cox_n, 1 / 15)),
  runif(rand_cox_n) < 0.7,
  sample(c("EMC", "AVL", "IJS"), rand_cox_n, replace = TRUE, prob = c(0.5, 0.3, 0.2))
)
rand_small <- cx(sample(1:8, 40, replace = TRUE), runif(40) < 0.8, sample(1:5, 40, replace = TRUE))

cox_sets <- list(
  lung_by_sex = cx(lung$time, lung$status == 2, lung$sex),
  lung_by_ecog = cx(ecog$time, ecog$status == 2, ecog$ph.ecog),
  veteran_by_celltype = cx(veteran$time, veteran$status == 1, as.character(veteran$celltype)),
  veteran_by_trt = cx(veteran$time, veteran$status == 1, veteran$trt),
  mgus2_by_sex = cx(mgus2$futime, mgus2$death == 1, as.character(mgus2$sex)),
  aml_by_x = cx(aml$time, aml$status == 1, as.character(aml$x)),
  random_centres = rand_cox,
  random_heavy_ties = rand_small,
  # group c is at risk throughout but has no event: its coefficient runs off to -Inf and R
  # stops after iter.max iterations
  zero_event_group = cx(1:12, c(1, 1, 0, 1, 1, 0, 1, 0, 0, 0, 0, 0), rep(c("a", "b", "c"), each = 4)),
  # only group b has no event, a and c do: monotone likelihood in one coefficient
  zero_event_two_groups = cx(
    c(1, 2, 3, 4, 5, 6, 2, 4, 6, 8, 9, 10),
    c(1, 0, 1, 1, 0, 1, 0, 0, 0, 0, 0, 0),
    rep(c("a", "b"), each = 6)
  ),
  # group c leaves before the first event: it adds nothing to the likelihood, so its
  # coefficient is not estimable (NA in R)
  group_gone_before_first_event = cx(
    c(0.5, 0.6, 2, 3, 4, 5, 6, 7, 3, 6),
    c(0, 0, 1, 1, 0, 1, 1, 0, 1, 0),
    c("c", "c", "a", "a", "a", "b", "b", "b", "a", "b")
  ),
  all_events_one_time = cx(rep(4, 6), rep(1, 6), c("a", "a", "a", "b", "b", "b")),
  all_censored = cx(c(1, 2, 3, 4), c(0, 0, 0, 0), c("a", "a", "b", "b")),
  near_ties = cx(
    c(0.1 + 0.2, 0.3, 0.5, 1 / 3, 0.3333333333333333 + 1e-12, 0.7, 0.9, 0.9 + 5e-15, 1.4),
    c(1, 1, 0, 1, 0, 1, 1, 0, 1),
    c("x", "y", "x", "y", "x", "y", "x", "y", "x")
  )
)

# Fits to record: every set with both ties methods at 0.95, plus a few other settings.
cox_runs <- c(
  unlist(lapply(names(cox_sets), function(n) {
    list(list(set = n, ties = "efron", ref = NULL, level = 0.95), list(set = n, ties = "breslow", ref = NULL, level = 0.95))
  }), recursive = FALSE),
  list(
    list(set = "veteran_by_celltype", ties = "efron", ref = "squamous", level = 0.95),
    list(set = "lung_by_ecog", ties = "efron", ref = 1, level = 0.9),
    list(set = "random_centres", ties = "efron", ref = "EMC", level = 0.95),
    list(set = "random_centres", ties = "breslow", ref = "IJS", level = 0.8)
  )
)

cox_json <- vapply(cox_runs, function(run) {
  d <- cox_sets[[run$set]]
  lv <- sort(unique(d$group))
  if (!is.null(run$ref)) lv <- c(run$ref, setdiff(lv, run$ref))
  g <- factor(d$group, levels = lv)
  warnings <- character(0)
  fit <- withCallingHandlers(
    coxph(Surv(d$time, d$event) ~ g, ties = run$ties),
    warning = function(w) {
      warnings <<- c(warnings, conditionMessage(w))
      invokeRestart("muffleWarning")
    }
  )
  coef <- unname(fit$coefficients)
  se <- sqrt(diag(fit$var))
  se[is.na(coef)] <- NA
  z <- qnorm(1 - (1 - run$level) / 2)
  # "Loglik converged before variable  1,3 ; coefficient may be infinite."
  inf_msg <- grep("coefficient may be infinite", warnings, value = TRUE)
  infinite <- rep(FALSE, length(coef))
  if (length(inf_msg)) {
    idx <- as.integer(strsplit(trimws(sub(".*variable +([0-9,]+) *;.*", "\\1", inf_msg[1])), ",")[[1]])
    infinite[idx] <- TRUE
  }
  obj(
    set = str1(run$set),
    ties = str1(run$ties),
    reference = if (is.null(run$ref)) "null" else group1_json(run$ref),
    confLevel = num(run$level),
    resultReference = group1_json(lv[1]),
    terms = obj(
      group = groups_json(lv[-1]),
      coefficient = arr(coef),
      stdErr = arr(se),
      hazardRatio = arr_inf(exp(coef)),
      lower = arr_inf(exp(coef - z * se)),
      upper = arr_inf(exp(coef + z * se)),
      mayBeInfinite = bools(infinite)
    ),
    waldChiSquare = num(fit$wald.test),
    likelihoodRatioChiSquare = num(2 * (fit$loglik[2] - fit$loglik[1])),
    scoreChiSquare = num(fit$score),
    df = num(sum(!is.na(coef))),
    iterations = num(fit$iter),
    converged = if (any(grepl("Ran out of iterations", warnings))) "false" else "true",
    warnings = strs(gsub("\"", "'", warnings))
  )
}, "")

cox_data_json <- mapply(function(name, d) {
  obj(name = str1(name), time = arr(d$time), event = bools(d$event), group = groups_json(d$group))
}, names(cox_sets), cox_sets)

json <- paste0(
  "{\n",
  "\"generatedBy\":", str1("packages/analysis/test/r/make-committee-reference.R"), ",\n",
  "\"rVersion\":", str1(paste(R.version$major, R.version$minor, sep = ".")), ",\n",
  "\"survivalVersion\":", str1(as.character(packageVersion("survival"))), ",\n",
  "\"medianFollowUp\":", list_of(followup_json), ",\n",
  "\"cumulativeIncidence\":", list_of(incidence_json), ",\n",
  "\"coxData\":", list_of(cox_data_json), ",\n",
  "\"coxPh\":", list_of(cox_json), "\n",
  "}\n"
)
dir.create(dirname(out_file), showWarnings = FALSE, recursive = TRUE)
writeLines(json, out_file, sep = "")
cat("wrote", out_file, "\n")
