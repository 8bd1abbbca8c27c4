// zxcvbn-ts with the common, English and Dutch (nl-be) dictionaries: its own chunk, loaded by loadEstimator().
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';
import * as nl from '@zxcvbn-ts/language-nl-be';
import type { Estimator } from './passphrase-strength.js';

export function createEstimator(): Estimator {
  const zxcvbn = new ZxcvbnFactory({
    graphs: common.adjacencyGraphs,
    dictionary: { ...common.dictionary, ...en.dictionary, ...nl.dictionary },
    // Its feedback sentences are not shown: the screen has its own words in every language.
    translations: en.translations,
  });
  return (passphrase, userInputs) => {
    const result = zxcvbn.check(passphrase, [...userInputs]);
    const repeated = result.sequence.some(
      (match) => match.pattern === 'repeat' && match.token.length * 2 >= passphrase.length,
    );
    return { score: result.score, repeated };
  };
}
