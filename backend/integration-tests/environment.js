// Jest's node environment, with Node's own Float32Array in the test's vm
// sandbox. Native addons (onnxruntime-node, which runs the classic embedder's
// garment network; usearch) hand back typed arrays made in Node's realm, and
// onnxruntime checks `instanceof Float32Array` against the sandbox's: with two
// Float32Arrays every inference under Jest failed, though none does in a
// process of its own.
const { TestEnvironment } = require("jest-environment-node")

module.exports = class NodeRealmFloat32Environment extends TestEnvironment {
  constructor(config, context) {
    super(config, context)
    this.global.Float32Array = Float32Array
  }
}
