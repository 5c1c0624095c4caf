package org.pathwise.stats;

import java.util.Arrays;

/**
 * Binary logistic regression with an L2 penalty, fitted by Newton's method (iteratively reweighted least squares) with
 * a backtracking line search.
 *
 * <p>It minimises {@code (1/W) Σ w_i [log(1 + e^{z_i}) - y_i z_i] + (l2/2) |β|²} with {@code z_i = β·x_i + b}, where
 * {@code w_i} are the sample weights ({@code W} their sum) and the bias {@code b} is not penalised (Hastie, Tibshirani
 * and Friedman, <i>The Elements of Statistical Learning</i>, 2nd ed., §4.4.1). The objective is strictly convex for
 * {@code l2 > 0}, so the fit starts from zero and reaches the same optimum for the same data: it uses no randomness,
 * and two fits of the same data give bit-identical models.
 */
public final class LogisticRegression {

    private static final int MAX_ITERATIONS = 100;
    private static final double TOLERANCE = 1e-9;

    private LogisticRegression() {}

    /**
     * A fitted model.
     *
     * @param weights one weight per feature
     * @param bias the intercept
     */
    public record Model(double[] weights, double bias) {

        public Model {
            weights = weights.clone();
            if (!Double.isFinite(bias)) {
                throw new IllegalArgumentException("bias must be finite, got " + bias);
            }
        }

        @Override
        public double[] weights() {
            return weights.clone();
        }

        /** The probability of the positive class. */
        public double probability(double[] x) {
            checkLength(x.length);
            double z = bias;
            for (int j = 0; j < x.length; j++) {
                z += weights[j] * x[j];
            }
            return sigmoid(z);
        }

        /** The probability of the positive class for a vector of floats, such as an embedding. */
        public double probability(float[] x) {
            checkLength(x.length);
            double z = bias;
            for (int j = 0; j < x.length; j++) {
                z += weights[j] * x[j];
            }
            return sigmoid(z);
        }

        private void checkLength(int length) {
            if (length != weights.length) {
                throw new IllegalArgumentException("expected " + weights.length + " features, got " + length);
            }
        }
    }

    /**
     * Fits a model.
     *
     * @param x one row of features per example, all of the same length
     * @param y the labels, 0 or 1
     * @param l2 the penalty on the weights, {@code > 0}
     * @param balanced whether to weight each class by {@code n / (2 n_class)}, so both classes count equally
     */
    public static Model fit(double[][] x, int[] y, double l2, boolean balanced) {
        checkLabels(x, y);
        int n = x.length;
        int positives = 0;
        for (int label : y) {
            positives += label;
        }
        var sampleWeights = new double[n];
        for (int i = 0; i < n; i++) {
            sampleWeights[i] = !balanced || positives == 0 || positives == n
                    ? 1
                    : n / (2.0 * (y[i] == 1 ? positives : n - positives));
        }
        return fit(x, y, sampleWeights, l2);
    }

    /**
     * Fits a model with a weight for each example, for data that comes from sources of different sizes that should
     * count alike.
     *
     * @param sampleWeights one weight per example, each {@code > 0}
     */
    public static Model fit(double[][] x, int[] y, double[] sampleWeights, double l2) {
        checkLabels(x, y);
        if (sampleWeights.length != x.length) {
            throw new IllegalArgumentException(
                    "need one weight per row: " + x.length + " rows, " + sampleWeights.length + " weights");
        }
        for (int i = 0; i < sampleWeights.length; i++) {
            if (!(sampleWeights[i] > 0) || !Double.isFinite(sampleWeights[i])) {
                throw new IllegalArgumentException("weights must be > 0, got " + sampleWeights[i] + " at row " + i);
            }
        }
        if (!(l2 > 0)) {
            throw new IllegalArgumentException("l2 must be > 0, got " + l2);
        }
        int n = x.length;
        int d = x[0].length;
        double totalWeight = Arrays.stream(sampleWeights).sum();
        // parameters: d weights, then the bias
        var beta = new double[d + 1];
        double loss = loss(x, y, sampleWeights, totalWeight, beta, l2);
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            var gradient = new double[d + 1];
            var hessian = new double[d + 1][d + 1];
            var row = new double[d + 1];
            for (int i = 0; i < n; i++) {
                System.arraycopy(x[i], 0, row, 0, d);
                row[d] = 1;
                double p = sigmoid(dot(beta, row));
                double g = sampleWeights[i] * (p - y[i]) / totalWeight;
                double h = sampleWeights[i] * p * (1 - p) / totalWeight;
                for (int j = 0; j <= d; j++) {
                    gradient[j] += g * row[j];
                    double hj = h * row[j];
                    var hessianRow = hessian[j];
                    for (int k = 0; k <= j; k++) {
                        hessianRow[k] += hj * row[k];
                    }
                }
            }
            for (int j = 0; j < d; j++) {
                gradient[j] += l2 * beta[j];
                hessian[j][j] += l2;
            }
            // the bias is not penalised; a tiny ridge keeps the system positive definite when one class is absent
            hessian[d][d] += 1e-12;
            var step = solveSymmetric(hessian, gradient);
            double slope = dot(gradient, step);
            double t = 1;
            double next;
            var candidate = new double[d + 1];
            while (true) {
                for (int j = 0; j <= d; j++) {
                    candidate[j] = beta[j] - t * step[j];
                }
                next = loss(x, y, sampleWeights, totalWeight, candidate, l2);
                if (next <= loss - 1e-4 * t * slope || t < 1e-10) {
                    break;
                }
                t /= 2;
            }
            double largest = 0;
            for (int j = 0; j <= d; j++) {
                largest = Math.max(largest, Math.abs(t * step[j]));
            }
            beta = candidate.clone();
            boolean converged = largest < TOLERANCE || loss - next < TOLERANCE * TOLERANCE;
            loss = next;
            if (converged) {
                break;
            }
        }
        return new Model(Arrays.copyOf(beta, d), beta[d]);
    }

    private static void checkLabels(double[][] x, int[] y) {
        if (x.length == 0 || x.length != y.length) {
            throw new IllegalArgumentException(
                    "need as many labels as rows, at least one: " + x.length + " rows, " + y.length + " labels");
        }
        int d = x[0].length;
        for (int i = 0; i < x.length; i++) {
            if (x[i].length != d) {
                throw new IllegalArgumentException("row " + i + " has " + x[i].length + " features, expected " + d);
            }
            if (y[i] != 0 && y[i] != 1) {
                throw new IllegalArgumentException("labels must be 0 or 1, got " + y[i] + " at row " + i);
            }
        }
    }

    private static double loss(
            double[][] x, int[] y, double[] sampleWeights, double totalWeight, double[] beta, double l2) {
        int d = beta.length - 1;
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            double z = beta[d];
            for (int j = 0; j < d; j++) {
                z += beta[j] * x[i][j];
            }
            // log(1 + e^z) - y z, computed without overflow
            double softplus = z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
            sum += sampleWeights[i] * (softplus - y[i] * z);
        }
        double penalty = 0;
        for (int j = 0; j < d; j++) {
            penalty += beta[j] * beta[j];
        }
        return sum / totalWeight + l2 / 2 * penalty;
    }

    public static double sigmoid(double z) {
        if (z >= 0) {
            return 1 / (1 + Math.exp(-z));
        }
        double e = Math.exp(z);
        return e / (1 + e);
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    /**
     * Solves {@code A s = b} for a symmetric positive definite {@code A} of which only the lower triangle is filled,
     * by Cholesky decomposition.
     */
    static double[] solveSymmetric(double[][] a, double[] b) {
        int m = b.length;
        var l = new double[m][m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = a[i][j];
                var li = l[i];
                var lj = l[j];
                for (int k = 0; k < j; k++) {
                    sum -= li[k] * lj[k];
                }
                if (i == j) {
                    if (!(sum > 0)) {
                        throw new ArithmeticException("matrix is not positive definite at row " + i);
                    }
                    li[i] = Math.sqrt(sum);
                } else {
                    li[j] = sum / lj[j];
                }
            }
        }
        var z = new double[m];
        for (int i = 0; i < m; i++) {
            double sum = b[i];
            for (int k = 0; k < i; k++) {
                sum -= l[i][k] * z[k];
            }
            z[i] = sum / l[i][i];
        }
        var s = new double[m];
        for (int i = m - 1; i >= 0; i--) {
            double sum = z[i];
            for (int k = i + 1; k < m; k++) {
                sum -= l[k][i] * s[k];
            }
            s[i] = sum / l[i][i];
        }
        return s;
    }
}
