// Switches the new-claim form to the chosen program's workloads without a round trip. Without this script the
// program chooser is a small GET form that draws the page again for the chosen program.
(function () {
  var choice = document.querySelector('[data-program-choice]');
  var program = document.querySelector('[data-program]');
  if (!choice || !program) {
    return;
  }
  document.querySelectorAll('[data-no-script]').forEach(function (button) { button.hidden = true; });
  var names = { OSA_SELL: 'OSA Sell', OSU_BUSINESS_APPLICATIONS: 'OSU – Business Applications' };
  function show() {
    program.value = choice.value;
    document.querySelectorAll('[data-programs]').forEach(function (group) {
      var on = group.getAttribute('data-programs').split(' ').indexOf(choice.value) >= 0;
      group.hidden = !on;
      group.disabled = !on;
      var legend = group.querySelector('legend');
      if (on && names[choice.value] && legend && group.classList.contains('workloads')) {
        legend.textContent = 'Workloads for ' + names[choice.value];
      }
    });
  }
  choice.addEventListener('change', show);
  show();
})();
