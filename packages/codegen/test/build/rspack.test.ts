import { type RspackOptions, rspack } from '@rspack/core';
import anysync from '../../src/rspack/index.js';
import { bundlerSuite } from './support/bundler-suite.js';
import { webpackLike } from './support/webpack-like.js';

bundlerSuite(
  'Rspack',
  webpackLike(
    {
      compiler: (config) => rspack(config as RspackOptions) as never,
      typescriptLoader: {
        loader: 'builtin:swc-loader',
        options: { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' } },
      },
    },
    () => anysync(),
  ),
);
