// Placeholder: the tambon-plan command line.
console.log('tambon-plan');
