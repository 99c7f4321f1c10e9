"""The pandas + SciPy baseline of `npm run bench:cli -w exporter` (bench/cli-large.ts).

Reads the reference and the current CSV with pandas and computes, per column, what a Python user
would compute for the same check: for numeric columns the two-sample KS test on the raw values
(scipy.stats.ks_2samp) and PSI on 10 reference-quantile bins; for categorical columns the
chi-squared goodness-of-fit test of the current counts against the reference proportions
(scipy.stats.chisquare) and PSI on the categories. Prints one JSON object with the timings.

Usage: /usr/bin/python3 cli-baseline.py reference.csv current.csv
"""
import json
import sys
import time

import numpy as np
import pandas as pd
from scipy import stats

EPSILON = 1e-4


def psi(reference_counts, current_counts):
    ref = np.maximum(reference_counts / reference_counts.sum(), EPSILON)
    cur = np.maximum(current_counts / current_counts.sum(), EPSILON)
    return float(np.sum((cur - ref) * np.log(cur / ref)))


def numeric_tests(reference, current):
    reference = reference.dropna().to_numpy()
    current = current.dropna().to_numpy()
    ks = stats.ks_2samp(reference, current)
    edges = np.unique(np.quantile(reference, np.linspace(0, 1, 11)[1:-1]))
    reference_counts = np.bincount(np.searchsorted(edges, reference, side="right"), minlength=len(edges) + 1)
    current_counts = np.bincount(np.searchsorted(edges, current, side="right"), minlength=len(edges) + 1)
    return {"ks": float(ks.statistic), "ks_p": float(ks.pvalue), "psi": psi(reference_counts.astype(float), current_counts.astype(float))}


def categorical_tests(reference, current):
    reference_counts = reference.value_counts()
    current_counts = current.value_counts().reindex(reference_counts.index, fill_value=0)
    other = current.notna().sum() - current_counts.sum()
    observed = np.append(current_counts.to_numpy(dtype=float), other)
    proportions = np.append(reference_counts.to_numpy(dtype=float), 0) / reference_counts.sum()
    expected = np.maximum(proportions, EPSILON)
    expected = expected / expected.sum() * observed.sum()
    chi = stats.chisquare(observed, expected)
    return {"chi2": float(chi.statistic), "chi2_p": float(chi.pvalue), "psi": psi(np.append(reference_counts.to_numpy(dtype=float), 0), observed)}


def main(reference_file, current_file):
    started = time.perf_counter()
    reference = pd.read_csv(reference_file)
    current = pd.read_csv(current_file)
    read_seconds = time.perf_counter() - started
    results = {}
    for column in reference.columns:
        if pd.api.types.is_numeric_dtype(reference[column]):
            results[column] = numeric_tests(reference[column], current[column])
        else:
            results[column] = categorical_tests(reference[column], current[column])
    total_seconds = time.perf_counter() - started
    print(json.dumps({"readSeconds": read_seconds, "testSeconds": total_seconds - read_seconds, "totalSeconds": total_seconds,
                      "pandas": pd.__version__, "scipy": __import__("scipy").__version__, "columns": results}))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
