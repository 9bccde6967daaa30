#include "reference_forward.h"

#include "kernels/dequantize.h"
#include "kernels/row_groups.h"

#include <cmath>
#include <map>
#include <string>

namespace qd::test {

namespace {

using Vec = std::vector<double>;

struct Matrix {
    int64_t rows = 0, cols = 0;
    std::vector<double> v;  // row-major
    const double *row(int64_t r) const { return &v[static_cast<size_t>(r * cols)]; }
};

Matrix toMatrix(const WeightView &w) {
    Matrix m;
    m.rows = w.rows;
    m.cols = w.cols;
    std::vector<uint8_t> unpacked;  // a row of a matrix in row groups (tested in test_row_groups)
    std::vector<float> row(static_cast<size_t>(m.cols));
    m.v.reserve(static_cast<size_t>(m.rows * m.cols));
    for (int64_t r = 0; r < m.rows; ++r) {
        dequantizeRow(w.type, rowInRowsLayout(w, r, unpacked), row.data(), m.cols);
        m.v.insert(m.v.end(), row.begin(), row.end());
    }
    return m;
}

Matrix toMatrix(const std::vector<float> &v) {
    Matrix m;
    m.rows = 1;
    m.cols = static_cast<int64_t>(v.size());
    m.v.assign(v.begin(), v.end());
    return m;
}

Vec matVec(const Matrix &m, const Vec &x) {
    Vec y(static_cast<size_t>(m.rows), 0.0);
    for (int64_t r = 0; r < m.rows; ++r) {
        const double *w = m.row(r);
        double s = 0.0;
        for (int64_t c = 0; c < m.cols; ++c) s += w[c] * x[static_cast<size_t>(c)];
        y[static_cast<size_t>(r)] = s;
    }
    return y;
}

Vec rmsNorm(const Vec &x, const Matrix &w, double eps) {
    double ss = 0.0;
    for (double v : x) ss += v * v;
    const double scale = 1.0 / std::sqrt(ss / static_cast<double>(x.size()) + eps);
    Vec y(x.size());
    for (size_t i = 0; i < x.size(); ++i) y[i] = x[i] * scale * w.v[i];
    return y;
}

void rope(double *head, int64_t headDim, int64_t pos, double theta) {
    const int64_t half = headDim / 2;
    for (int64_t i = 0; i < half; ++i) {
        const double angle = static_cast<double>(pos) * std::pow(theta, -2.0 * static_cast<double>(i) / static_cast<double>(headDim));
        const double a = head[i], b = head[i + half];
        head[i] = a * std::cos(angle) - b * std::sin(angle);
        head[i + half] = a * std::sin(angle) + b * std::cos(angle);
    }
}

}  // namespace

std::vector<std::vector<double>> referenceLogits(const ModelWeights &weights, const std::vector<int32_t> &tokens,
                                                 const std::vector<int64_t> &positions) {
    const ModelConfig &c = weights.config();
    const int64_t n = static_cast<int64_t>(tokens.size()), hd = c.headDim;
    std::map<std::string, Matrix> W;
    W.emplace("token_embd.weight", toMatrix(weights.embedding()));
    W.emplace("output.weight", toMatrix(weights.lmHead()));
    W.emplace("output_norm.weight", toMatrix(weights.outputNorm()));
    for (int64_t l = 0; l < c.numLayers; ++l) {
        const LayerWeights &L = weights.layers()[static_cast<size_t>(l)];
        const std::string p = "blk." + std::to_string(l) + ".";
        W.emplace(p + "attn_norm.weight", toMatrix(L.attnNorm));
        W.emplace(p + "ffn_norm.weight", toMatrix(L.ffnNorm));
        W.emplace(p + "attn_q.bias", toMatrix(L.qBias));
        W.emplace(p + "attn_k.bias", toMatrix(L.kBias));
        W.emplace(p + "attn_v.bias", toMatrix(L.vBias));
        W.emplace(p + "attn_q.weight", toMatrix(L.q));
        W.emplace(p + "attn_k.weight", toMatrix(L.k));
        W.emplace(p + "attn_v.weight", toMatrix(L.v));
        W.emplace(p + "attn_output.weight", toMatrix(L.output));
        W.emplace(p + "ffn_gate.weight", toMatrix(L.gate));
        W.emplace(p + "ffn_up.weight", toMatrix(L.up));
        W.emplace(p + "ffn_down.weight", toMatrix(L.down));
    }
    const Matrix &emb = W.at("token_embd.weight");
    const Matrix &head = W.at("output.weight");

    std::vector<Vec> x(static_cast<size_t>(n));
    for (int64_t t = 0; t < n; ++t) x[t].assign(emb.row(tokens[t]), emb.row(tokens[t]) + c.hiddenSize);

    for (int64_t l = 0; l < c.numLayers; ++l) {
        const std::string p = "blk." + std::to_string(l) + ".";
        std::vector<Vec> q(n), k(n), v(n);
        for (int64_t t = 0; t < n; ++t) {
            const Vec xn = rmsNorm(x[t], W.at(p + "attn_norm.weight"), c.rmsNormEps);
            q[t] = matVec(W.at(p + "attn_q.weight"), xn);
            k[t] = matVec(W.at(p + "attn_k.weight"), xn);
            v[t] = matVec(W.at(p + "attn_v.weight"), xn);
            for (size_t i = 0; i < q[t].size(); ++i) q[t][i] += W.at(p + "attn_q.bias").v[i];
            for (size_t i = 0; i < k[t].size(); ++i) k[t][i] += W.at(p + "attn_k.bias").v[i];
            for (size_t i = 0; i < v[t].size(); ++i) v[t][i] += W.at(p + "attn_v.bias").v[i];
            for (int64_t hh = 0; hh < c.numHeads; ++hh) rope(&q[t][hh * hd], hd, t, c.ropeTheta);
            for (int64_t hh = 0; hh < c.numKvHeads; ++hh) rope(&k[t][hh * hd], hd, t, c.ropeTheta);
        }
        for (int64_t t = 0; t < n; ++t) {
            Vec att(static_cast<size_t>(c.qDim()), 0.0);
            for (int64_t hh = 0; hh < c.numHeads; ++hh) {
                const int64_t kvh = hh / (c.numHeads / c.numKvHeads);
                Vec scores(static_cast<size_t>(t + 1));
                double mx = -INFINITY;
                for (int64_t j = 0; j <= t; ++j) {
                    double d = 0.0;
                    for (int64_t i = 0; i < hd; ++i) d += q[t][hh * hd + i] * k[j][kvh * hd + i];
                    scores[j] = d / std::sqrt(static_cast<double>(hd));
                    mx = std::max(mx, scores[j]);
                }
                double sum = 0.0;
                for (auto &sc : scores) sum += (sc = std::exp(sc - mx));
                for (int64_t j = 0; j <= t; ++j)
                    for (int64_t i = 0; i < hd; ++i) att[hh * hd + i] += scores[j] / sum * v[j][kvh * hd + i];
            }
            const Vec o = matVec(W.at(p + "attn_output.weight"), att);
            for (size_t i = 0; i < o.size(); ++i) x[t][i] += o[i];
        }
        for (int64_t t = 0; t < n; ++t) {
            const Vec xn = rmsNorm(x[t], W.at(p + "ffn_norm.weight"), c.rmsNormEps);
            Vec g = matVec(W.at(p + "ffn_gate.weight"), xn);
            const Vec u = matVec(W.at(p + "ffn_up.weight"), xn);
            for (size_t i = 0; i < g.size(); ++i) g[i] = g[i] / (1.0 + std::exp(-g[i])) * u[i];
            const Vec d = matVec(W.at(p + "ffn_down.weight"), g);
            for (size_t i = 0; i < d.size(); ++i) x[t][i] += d[i];
        }
    }
    std::vector<Vec> out;
    for (int64_t pos : positions) out.push_back(matVec(head, rmsNorm(x[pos], W.at("output_norm.weight"), c.rmsNormEps)));
    return out;
}

}  // namespace qd::test
