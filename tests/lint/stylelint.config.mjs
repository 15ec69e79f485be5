// Stylelint for the answer key's style sheet (src/render/assets/key.css), run by ctest as
// lint_key_css: the recommended rules find mistakes (unknown properties, invalid hex colours,
// duplicate selectors, shorthands that undo longhands), not matters of taste.
export default {
  extends: ['stylelint-config-recommended'],
  rules: {
    // It orders any two selectors that end in the same element type, whether or not they can
    // match one element: '#mode span' (toolbar) and '.legend span' (under a matrix) never do.
    'no-descending-specificity': null,
  },
};
