import '../lib/style.css';
document.getElementById('app')!.textContent = 'migrant';
