// Draws every element with a data-chart attribute with Apache ECharts (loaded from the echarts WebJar). The data is
// JSON made by the page's bean: {type, title, labels, series: [{name, data}]}. No inline script, so CSP can forbid it.
(function () {
  function draw(element) {
    var spec = JSON.parse(element.getAttribute('data-chart'));
    var chart = echarts.init(element);
    chart.setOption({
      title: { text: spec.title, textStyle: { fontSize: 14 } },
      tooltip: { trigger: 'axis' },
      legend: { top: 24, show: spec.series.length > 1 },
      grid: { left: 50, right: 20, top: 60, bottom: spec.labels.length > 5 ? 90 : 40 },
      // Bar charts have few categories: show every label (tilted when many) instead of ECharts' thinning.
      xAxis: { type: 'category', data: spec.labels,
               axisLabel: { interval: spec.type === 'bar' ? 0 : 'auto', rotate: spec.labels.length > 5 ? 35 : 0 } },
      yAxis: { type: 'value' },
      series: spec.series.map(function (s) {
        return { name: s.name, type: spec.type, data: s.data, smooth: spec.type === 'line' };
      })
    });
    window.addEventListener('resize', function () { chart.resize(); });
    element.setAttribute('data-drawn', spec.labels.length > 0 ? 'true' : 'empty');
  }
  document.addEventListener('DOMContentLoaded', function () {
    if (typeof echarts === 'undefined') { return; }
    document.querySelectorAll('[data-chart]').forEach(draw);
  });
})();
