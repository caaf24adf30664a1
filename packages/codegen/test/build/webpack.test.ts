import webpack from 'webpack';
import anysync from '../../src/webpack/index.js';
import { bundlerSuite } from './support/bundler-suite.js';
import { loaderPath, webpackLike } from './support/webpack-like.js';

bundlerSuite(
  'webpack',
  webpackLike(
    {
      compiler: (config) => webpack(config as webpack.Configuration) as never,
      typescriptLoader: {
        loader: loaderPath('ts-loader'),
        options: {
          transpileOnly: true,
          compilerOptions: { module: 'esnext', moduleResolution: 'bundler', sourceMap: true },
        },
      },
    },
    () => anysync(),
  ),
);
