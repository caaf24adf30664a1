// A webpack/Rspack loader placed last in a rule's `use`, so that it runs first among the normal
// loaders: it sees each module as the pre loaders (anysync's `load`) left it, and passes it on as is.
module.exports = function recordTwin(source, map) {
  const served = globalThis.__anysyncServedTwins;
  if (served instanceof Map) served.set(this.resourcePath, String(source));
  this.callback(null, source, map);
};
