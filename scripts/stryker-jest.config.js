// The Jest configuration of `backstage-cli package test`, for StrykerJS
// (scripts/mutation.sh): it reads the package in the current folder.
module.exports = require('@backstage/cli/config/jest');
