import statistics as st
from fractions import Fraction
from decimal import Decimal

data = [2, 4, 4, 4, 5, 5, 7, 9]
print("mean", st.mean(data), st.fmean(data), st.median(data), st.median_low(data), st.median_high(data))
print("mode", st.mode(data), st.multimode("aabbbcccc"), st.multimode([1, 1, 2, 2, 3]))
print("pvariance", st.pvariance(data), "pstdev", st.pstdev(data))
print("variance", st.variance(data), "stdev", round(st.stdev(data), 10))
print("fractions", st.mean([Fraction(1, 3), Fraction(1, 6)]), st.variance([Fraction(1, 2), Fraction(3, 4), Fraction(1)]))
print("decimals", st.mean([Decimal("1.1"), Decimal("2.2"), Decimal("3.3")]), st.median([Decimal("0.5"), Decimal("0.25")]))
print("harmonic", st.harmonic_mean([40, 60]), round(st.geometric_mean([54, 24, 36]), 10))
print("median_grouped", st.median_grouped([1, 2, 2, 3, 4, 4, 4, 4, 4, 5]), st.median_grouped([52, 52, 53, 54], interval=2))
print("quantiles", st.quantiles(range(1, 101), n=4), st.quantiles([1, 5, 7, 9, 12, 15], n=10, method="inclusive"))
x = [1, 2, 3, 4, 5, 6, 7, 8, 9]
y = [1, 2, 3, 1, 2, 3, 1, 2, 3]
print("covariance", st.covariance(x, y), "correlation", round(st.correlation(x, y), 10))
lr = st.linear_regression([1, 2, 3, 4, 5], [3, 5, 7, 9, 11])
print("linreg", lr.slope, lr.intercept)
nd = st.NormalDist(100, 15)
print("normaldist", nd.mean, nd.stdev, nd.variance, round(nd.cdf(115), 10), round(nd.pdf(100), 10))
print("inv_cdf", round(nd.inv_cdf(0.975), 6), [round(q, 6) for q in nd.quantiles(4)])
nd2 = nd * 2 + 10
print("scaled", nd2.mean, nd2.stdev, round(nd.overlap(st.NormalDist(110, 15)), 8))
fit = st.NormalDist.from_samples([2.5, 3.1, 2.1, 2.4, 2.7, 3.5])
print("from_samples", round(fit.mean, 10), round(fit.stdev, 10))
try:
    st.mean([])
except st.StatisticsError as e:
    print("error", type(e).__name__, e)
try:
    st.stdev([1])
except st.StatisticsError as e:
    print("error", type(e).__name__, e)
